package io.hazardledger.benchmarks;

import io.hazardledger.contracts.Topics;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The raw baseline as pgbench runs it: the same event and outbox inserts in one transaction, each in a new stream,
 * with pgbench's own C client instead of the JVM. Latencies come from pgbench's per-transaction log.
 */
final class PgBenchRun {
    static final Path PGBENCH = Path.of("/usr/bin/pgbench");
    private static final String SCRIPT = """
            BEGIN;
            INSERT INTO es_event (event_id, stream_type, stream_id, version, type, schema_version, occurred_at, actor_subject, actor_role, correlation_id, causation_id, district_code, payload) VALUES (gen_random_uuid(), 'bench', gen_random_uuid(), 1, 'InspectionStarted', 1, now(), 'test', 'test', 'corr-test', 'test', '370000', '{"inspectionId":"6f1c3c1e-8d4e-4f0a-9b7a-2b1f5e0c9d11","startedAt":"2026-01-01T08:00:00.123456Z"}') RETURNING position \\gset
            INSERT INTO es_outbox (event_position, topic) VALUES (:position, '%s');
            COMMIT;
            """.formatted(Topics.INSPECTION_EVENTS);

    private final BenchmarkDatabase database;
    private final Path workDir;
    private final UsageProbe probe;

    PgBenchRun(BenchmarkDatabase database, Path workDir, UsageProbe probe) {
        this.database = database;
        this.workDir = workDir;
        this.probe = probe;
    }

    static boolean available() {
        return Files.isExecutable(PGBENCH);
    }

    static String version() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(PGBENCH.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        return out;
    }

    Result run(String scenario, int clients, ClosedLoop.Stored stored, Duration warmup, Duration duration)
            throws Exception {
        Path dir = Files.createDirectories(workDir.resolve("pgbench"));
        try (Stream<Path> old = Files.list(dir)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Path script = Files.writeString(dir.resolve("append.sql"), SCRIPT);
        long storedBefore = stored.count();
        long seconds = (warmup.plus(duration).toMillis() + 999) / 1000;
        ProcessBuilder builder = new ProcessBuilder(PGBENCH.toString(), "--no-vacuum", "--protocol=prepared",
                "--client=" + clients, "--jobs=" + Math.min(clients, Runtime.getRuntime().availableProcessors()),
                // A second more than measured, so pgbench is still running when its CPU time is sampled at the end.
                "--time=" + (seconds + 1), "--log", "--log-prefix=" + dir.resolve("tx"), "--file=" + script,
                "--host=" + database.host(), "--port=" + database.port(), "--username=" + database.user(),
                database.name())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("pgbench.out").toFile());
        builder.environment().put("PGPASSWORD", database.password());
        builder.environment().put("PGOPTIONS", BenchmarkDatabase.SESSION_OPTIONS);
        long startMillis = System.currentTimeMillis();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long measureUntil = measureFrom + duration.toNanos();
        Process process = builder.start();
        long pid = process.pid();
        ClosedLoop.sleepUntil(measureFrom);
        UsageProbe.Sample first = probe.sample(() -> processCpuNanos(pid));
        ClosedLoop.sleepUntil(measureUntil);
        UsageProbe.Sample last = probe.sample(() -> processCpuNanos(pid));
        if (!process.waitFor(seconds + 60, TimeUnit.SECONDS)) {
            process.destroy();
            throw new IllegalStateException("pgbench did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed: " + Files.readString(dir.resolve("pgbench.out")));
        }
        Histogram latency = Result.newHistogram();
        long[] failures = {0};
        long windowStartMicros = (startMillis + warmup.toMillis()) * 1000;
        long windowEndMicros = windowStartMicros + duration.toNanos() / 1000;
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("tx.")).toList()) {
                record(Files.readAllLines(log), windowStartMicros, windowEndMicros, latency, failures);
            }
        }
        return Result.ofRound(scenario, clients, storedBefore, stored.count(), latency.getTotalCount(), 0, failures[0],
                latency, duration.toNanos() / 1e9, probe.between(first, last));
    }

    /**
     * Lines of pgbench's transaction log: client, transaction, latency (µs, or "failed"), script, end time (s, µs).
     * A transaction counts when it started within the measured time, as in {@link ClosedLoop}.
     */
    private static void record(List<String> lines, long fromMicros, long untilMicros, Histogram latency,
                               long[] failures) {
        for (String line : lines) {
            String[] fields = line.split(" ");
            long endMicros = Long.parseLong(fields[4]) * 1_000_000 + Long.parseLong(fields[5]);
            if (!fields[2].chars().allMatch(Character::isDigit)) {
                failures[0]++;
                continue;
            }
            long micros = Long.parseLong(fields[2]);
            long startMicros = endMicros - micros;
            if (startMicros >= fromMicros && startMicros < untilMicros) {
                latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
            }
        }
    }

    private static long processCpuNanos(long pid) {
        return UsageProbe.cpuTicks(pid, "pgbench").stream().map(UsageProbe::ticksToNanos).findFirst().orElse(0L);
    }
}
