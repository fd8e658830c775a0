package io.hazardledger.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The goals against this run's figures: the store at 60 % or more of the raw rate in the same workload,
 * and its p99 on the large store at most 1.3 times its p99 on the small one. Reported, never asserted.
 */
final class GoalCheck {
    static final double MIN_SHARE_OF_RAW = 0.60;
    static final double MAX_P99_GROWTH = 1.3;

    private final ResultsReport report;
    private final String zipf;

    GoalCheck(ResultsReport report, BenchmarkSettings settings) {
        this.report = report;
        this.zipf = settings.zipfLabel();
    }

    List<String> comparisons() {
        List<String> lines = new ArrayList<>();
        for (Result store : storeResults()) {
            String workload = store.scenario().substring("store · ".length());
            report.find("JDBC · " + workload).ifPresent(raw -> lines.add(share(workload, store, raw, "JDBC")));
            report.find("pgbench · " + workload).ifPresent(raw -> lines.add(share(workload, store, raw, "pgbench")));
        }
        for (String client : List.of("store", "JDBC")) {
            Optional<Result> small = report.find(client + " · " + zipf + " · small store");
            Optional<Result> large = report.find(client + " · " + zipf + " · large store");
            if (small.isPresent() && large.isPresent()) {
                lines.add(growth(client, small.get(), large.get()));
            }
        }
        return lines;
    }

    private List<Result> storeResults() {
        return List.of("new stream per append", "one stream", zipf + " · small store", zipf + " · large store")
                .stream().map(w -> report.find("store · " + w)).flatMap(Optional::stream).toList();
    }

    private static String share(String workload, Result store, Result raw, String rawName) {
        double share = store.appendsPerSecond() / raw.appendsPerSecond();
        return "%s: store %,.0f/s = %.0f %% of %s %,.0f/s (goal ≥ %.0f %%: %s)".formatted(workload,
                store.appendsPerSecond(), share * 100, rawName, raw.appendsPerSecond(), MIN_SHARE_OF_RAW * 100,
                share >= MIN_SHARE_OF_RAW ? "met" : "missed");
    }

    private static String growth(String client, Result small, Result large) {
        double growth = large.millis(99) / small.millis(99);
        return "%s p99 on the large store (%,d–%,d events) %.2f ms / on the small store (%,d–%,d events) %.2f ms = %.2f× (goal ≤ %.1f×: %s)"
                .formatted(client, large.storedBefore(), large.storedAfter(), large.millis(99), small.storedBefore(),
                        small.storedAfter(), small.millis(99), growth, MAX_P99_GROWTH,
                        growth <= MAX_P99_GROWTH ? "met" : "missed");
    }
}
