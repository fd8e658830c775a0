package io.hazardledger.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The figures of one run as Markdown: the environment, the table of scenarios and the goals compared. */
final class ResultsReport {
    private static final String HEADER = """
            | scenario | clients | stored events (before → after) | appends/s | p50 ms | p99 ms | p99.9 ms \
            | conflicts (per append) | gave up | client CPU µs/append | PostgreSQL CPU µs/append | WAL bytes/append |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
            """;

    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<Result> results = new ArrayList<>();

    void environment(String name, String value) {
        environment.put(name, value);
    }

    void add(Result result) {
        results.add(result);
        System.out.println(HEADER + row(result));
    }

    Optional<Result> find(String scenario) {
        return results.stream().filter(r -> r.scenario().equals(scenario)).findFirst();
    }

    String render(List<String> comparisons) {
        StringBuilder out = new StringBuilder();
        environment.forEach((name, value) -> out.append("- ").append(name).append(": ").append(value).append('\n'));
        out.append('\n').append(HEADER);
        results.forEach(result -> out.append(row(result)).append('\n'));
        if (!comparisons.isEmpty()) {
            out.append('\n');
            comparisons.forEach(line -> out.append("- ").append(line).append('\n'));
        }
        return out.toString();
    }

    void write(Path file, List<String> comparisons) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, "# Append benchmark results\n\n" + render(comparisons));
    }

    private static String row(Result r) {
        return "| %s | %d | %,d → %,d | %,.0f | %.2f | %.2f | %.2f | %,d (%.2f) | %,d | %,.0f | %s | %,.0f |".formatted(
                r.scenario(), r.clients(), r.storedBefore(), r.storedAfter(), r.appendsPerSecond(), r.millis(50),
                r.millis(99), r.millis(99.9), r.conflicts(), (double) r.conflicts() / Math.max(1, r.appends()),
                r.gaveUp(), r.clientCpuMicrosPerAppend(),
                Double.isNaN(r.postgresCpuMicrosPerAppend()) ? "n/a" : "%,.0f".formatted(r.postgresCpuMicrosPerAppend()),
                r.walBytesPerAppend());
    }
}
