package io.hazardledger.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@link ApiLoadBenchmark} runs, from system properties ({@code -Dload.rate=1000} and so on).
 *
 * @param rate              requests sent a second, whatever the answers do
 * @param mix               which requests ({@code -Dload.mix=mixed|commands})
 * @param district          the district the load's hazards are in
 * @param freshnessDistrict the district only the freshness samples report in, so its count moves only with them
 * @param baselineDuration  measured time of the pgbench baseline (after 3 s unmeasured)
 * @param kafkaRecords      records Kafka's producer perf tool sends, and its consumer reads back
 */
record LoadSettings(int rate, LoadMix mix, Duration warmup, Duration duration, String district, String freshnessDistrict,
                    int pgbenchClients, Duration baselineDuration, long kafkaRecords, int kafkaRecordSize, Path results) {

    static LoadSettings fromSystemProperties() {
        return new LoadSettings(
                Integer.getInteger("load.rate", 20),
                LoadMix.fromProperty(),
                Duration.ofSeconds(Long.getLong("load.warmup-seconds", 15)),
                Duration.ofSeconds(Long.getLong("load.duration-seconds", 60)),
                System.getProperty("load.district", "370781"), // 青州市
                System.getProperty("load.freshness-district", "370786"), // 昌邑市
                Integer.getInteger("load.pgbench-clients", 8),
                Duration.ofSeconds(Long.getLong("load.baseline-seconds", 20)),
                Long.getLong("load.kafka-records", 200_000),
                Integer.getInteger("load.kafka-record-size", 1024),
                Path.of(System.getProperty("load.results", "target/api-load-results.md")));
    }

    String describe() {
        return "%,d requests/s (%s mix, %.0f %% commands) for %d s after %d s of warm-up".formatted(rate,
                mix.name().toLowerCase(), mix.commandShare() * 100, duration.toSeconds(), warmup.toSeconds());
    }
}
