package io.hazardledger.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * What the benchmark runs, from system properties ({@code -Dbenchmark.clients=16} and so on), with the defaults of
 * the published figures.
 *
 * @param clients       concurrent clients of every scenario, each with one command in flight
 * @param jitWarmup     time the store and the JDBC client each run before the first scenario, so the first one
 *                      is not measured while the JIT compiler is still at work; its events are removed after
 * @param rounds        rounds each scenario's measurement is split into; within a round the store and its raw
 *                      baselines run one after the other, so a change in the machine's other load hits all of them
 * @param warmup        time run before each round's measurement, not counted
 * @param duration      measured time of each scenario, all rounds together
 * @param streams       streams the Zipf scenarios choose from
 * @param zipfExponent  exponent of the Zipf distribution over the streams
 * @param smallStore    stored events before the first Zipf measurement
 * @param largeStore    stored events before the second Zipf measurement (the scaling check); 0 skips it
 * @param fillerStreamLength events per stream of the bulk-loaded filler
 * @param sharedVersions whether clients share what they know of each stream's version (as if every command had
 *                      loaded its stream), or each client remembers only the versions it wrote itself
 * @param scenarios     the scenario groups to run: {@code zipf} (on the small store), {@code new-stream} (with
 *                      pgbench when installed), {@code one-stream}, {@code large} (Zipf on the large store)
 */
record BenchmarkSettings(int clients, Duration jitWarmup, int rounds, Duration warmup, Duration duration, int streams, double zipfExponent,
                         long smallStore, long largeStore, int fillerStreamLength, boolean sharedVersions,
                         Set<String> scenarios, Path results, Path workDir) {

    static BenchmarkSettings fromSystemProperties() {
        return new BenchmarkSettings(
                Integer.getInteger("benchmark.clients", 8),
                Duration.ofSeconds(Long.getLong("benchmark.jit-warmup-seconds", 10)),
                Integer.getInteger("benchmark.rounds", 4),
                Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 3)),
                Duration.ofSeconds(Long.getLong("benchmark.duration-seconds", 20)),
                Integer.getInteger("benchmark.streams", 100_000),
                Double.parseDouble(System.getProperty("benchmark.zipf-exponent", "1.0")),
                Long.getLong("benchmark.small-store", 100_000),
                Long.getLong("benchmark.large-store", 10_000_000),
                Integer.getInteger("benchmark.filler-stream-length", 20),
                !"per-client".equals(System.getProperty("benchmark.versions", "shared")),
                Set.of(System.getProperty("benchmark.scenarios", "zipf,new-stream,one-stream,large").split(",")),
                Path.of(System.getProperty("benchmark.results", "target/results.md")),
                Path.of(System.getProperty("benchmark.work-dir", "target/benchmark")));
    }

    /** Measured time of one round. */
    Duration roundDuration() {
        return duration.dividedBy(rounds);
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** The name of the Zipf workload in the results. */
    String zipfLabel() {
        return "Zipf over %,d streams".formatted(streams);
    }

    String describe() {
        return ("%d clients, %d s measured per scenario in %d rounds of %d s warm-up + %.1f s, %,d streams with Zipf "
                + "exponent %.2f, ").formatted(clients, duration.toSeconds(), rounds, warmup.toSeconds(),
                        roundDuration().toMillis() / 1000.0, streams, zipfExponent)
                + "stores of %,d and %,d events, %s versions"
                .formatted(smallStore, largeStore, sharedVersions ? "shared" : "per-client");
    }
}
