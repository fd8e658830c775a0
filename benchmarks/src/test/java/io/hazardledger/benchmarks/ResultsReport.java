package io.hazardledger.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The figures of one run as Markdown: the environment, the table of scenarios and the goals compared. */
final class ResultsReport {
    private static final String HEADER = """
            | scenario | clients | stored events (lowest → highest) | appends/s | p50 ms | p99 ms | p99.9 ms \
            | conflicts (per append) | gave up | client CPU µs/append | PostgreSQL CPU µs/append | WAL bytes/append \
            | other CPU | appends/s by round |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
            """;

    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, Result> results = new LinkedHashMap<>();

    void environment(String name, String value) {
        environment.put(name, value);
    }

    /** A round's figures, added to those of the scenario's earlier rounds. */
    void add(Result round) {
        results.merge(round.scenario(), round, Result::plus);
        System.out.println(HEADER + row(round));
    }

    Optional<Result> find(String scenario) {
        return Optional.ofNullable(results.get(scenario));
    }

    String render(List<String> comparisons) {
        StringBuilder out = new StringBuilder();
        environment.forEach((name, value) -> out.append("- ").append(name).append(": ").append(value).append('\n'));
        out.append('\n').append(HEADER);
        results.values().forEach(result -> out.append(row(result)).append('\n'));
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
        return "| %s | %d | %,d → %,d | %,.0f | %.2f | %.2f | %.2f | %,d (%.2f) | %,d | %,.0f | %s | %,.0f | %.0f %% | %s |".formatted(
                r.scenario(), r.clients(), r.storedBefore(), r.storedAfter(), r.appendsPerSecond(), r.millis(50),
                r.millis(99), r.millis(99.9), r.conflicts(), (double) r.conflicts() / Math.max(1, r.appends()),
                r.gaveUp(), r.clientCpuMicrosPerAppend(),
                Double.isNaN(r.postgresCpuMicrosPerAppend()) ? "n/a" : "%,.0f".formatted(r.postgresCpuMicrosPerAppend()),
                r.walBytesPerAppend(), r.otherCpuShare() * 100,
                r.roundRates().stream().map(rate -> "%,.0f".formatted(rate)).collect(Collectors.joining(" / ")));
    }
}
