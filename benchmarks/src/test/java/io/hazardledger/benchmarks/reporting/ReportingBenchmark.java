package io.hazardledger.benchmarks.reporting;

import io.hazardledger.benchmarks.DatabaseActivity;
import io.hazardledger.benchmarks.UsageProbe;
import io.hazardledger.contracts.Topics;
import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.local.KafkaBroker;
import io.hazardledger.local.Ports;
import io.hazardledger.local.PostgresServer;
import io.hazardledger.local.Processes;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reporting service as it runs: its packaged jar as a process on a fresh database and its own Kafka broker.
 * Measures (1) the rebuild rate, a new generation replaying all events from the start of the topics, in events/s;
 * (2) district-table query latency with {@code benchmark.reporting.hazards} hazards over 100 districts;
 * (3) freshness, from a HazardFound acknowledged by Kafka to the figure visible in the API. See benchmarks/README.md.
 */
class ReportingBenchmark {
    private static final long EVENTS = Long.getLong("benchmark.reporting.events", 1_000_000);
    private static final long HAZARDS = Long.getLong("benchmark.reporting.hazards", 1_000_000);
    private static final int IN_FLIGHT = Integer.getInteger("benchmark.reporting.in-flight", 10_000);
    /** The service's JVM options (the local stack's are {@code ServiceJvm.options()}). */
    private static final String JAVA_OPTIONS = System.getProperty("benchmark.reporting.java-options", "-Xmx768m");
    private static final int DISTRICTS = 100;
    private static final int QUERIES = Integer.getInteger("benchmark.reporting.queries", 500);
    /**
     * How long every query below is asked in turn before any is measured. A service runs warm for days; right after
     * its start the JIT compilers still take about half of its CPU on these two cores, and a query's time then says
     * more about them than about the query (the first requests are measured apart, as the cold figure).
     */
    private static final Duration QUERY_WARMUP = Duration.ofSeconds(Long.getLong("benchmark.reporting.warmup-seconds", 60));
    private static final int FRESHNESS_SAMPLES = Integer.getInteger("benchmark.reporting.freshness-samples", 100);
    /** Leaves the run's database in place (named in the results), to study its queries afterwards. */
    private static final boolean KEEP_DATABASE = Boolean.getBoolean("benchmark.reporting.keep-database");
    private static final Pattern GENERATION = Pattern.compile("\"generation\":(\\d+)");
    private static final Pattern LAG = Pattern.compile("\"lag\":(\\d+),\"progress\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> report = new ArrayList<>();
    private String base;
    private String token;

    @Test
    void rebuildRateQueryLatencyAndFreshness() throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        Path runner = root.resolve("reporting-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(runner)) {
            throw new IllegalStateException(runner + " is missing: ./mvnw -pl reporting-service -am -DskipTests install first");
        }
        Path work = Path.of(System.getProperty("benchmark.work-dir", "target/benchmark")).resolve("reporting");
        Files.createDirectories(work);
        PostgresServer postgres = PostgresServer.local(5432);
        String database = "bench_reporting_" + UUID.randomUUID().toString().substring(0, 8);
        postgres.createDatabaseIfMissing(database);
        Path brokerDir = work.resolve("kafka-" + database);
        KafkaBroker broker = KafkaBroker.start(brokerDir, Ports.free(), Ports.free());
        Process service = null;
        try {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(Topics.ENTERPRISE_EVENTS, 6, (short) 1),
                        new NewTopic(Topics.INSPECTION_EVENTS, 6, (short) 1), new NewTopic(Topics.HAZARD_EVENTS, 6, (short) 1),
                        new NewTopic(Topics.REPORT_EVENTS, 6, (short) 1))).all().get();
            }
            long started = System.nanoTime();
            long events = new EventMix(DISTRICTS, IN_FLIGHT).publish(bootstrap, EVENTS);
            line("Published %,d events in %.1f s", events, seconds(started));

            int port = Ports.free();
            base = "http://127.0.0.1:" + port;
            // The service trusts a key pair made for this run; the benchmark's requests carry an admin token of it.
            io.hazardledger.local.DevKeys keys = io.hazardledger.local.DevKeys.inDirectory(work.resolve("jwt"));
            token = io.hazardledger.local.DevTokens.mint(keys.signingKey(), "benchmark", "admin", null, null);
            List<String> command = new ArrayList<>(List.of(Processes.javaExecutable()));
            command.addAll(List.of(JAVA_OPTIONS.trim().split("\\s+")));
            if (Boolean.getBoolean("benchmark.reporting.jfr")) {
                // A flight recording of the whole run, to see where the rebuild's time goes; deep stacks, so that
                // samples inside Jackson or the SQL client still reach the service's own frames.
                command.add("-XX:FlightRecorderOptions=stackdepth=256");
                command.add("-XX:StartFlightRecording=settings=profile,filename="
                        + work.resolve("reporting-service-" + database + ".jfr").toAbsolutePath());
            }
            command.addAll(List.of("-jar", runner.toString()));
            service = Processes.startDetached(command,
                    work.resolve("reporting-service-" + database + ".log"), Map.of("QUARKUS_HTTP_PORT", Integer.toString(port),
                            "DB_URL", postgres.reactiveUrl(database), "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.verificationKeyFile().toUri().toString(),
                            "MP_JWT_VERIFY_ISSUER", io.hazardledger.local.DevTokens.ISSUER));
            awaitReady(service);
            long firstBuild = System.nanoTime();
            int generation = awaitCaughtUp(0);
            line("Generation %d (first start) replayed %,d events in %.1f s: %,.0f events/s (application start included)",
                    generation, events, seconds(firstBuild), events / seconds(firstBuild));

            int rebuilt;
            try (Connection monitor = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(),
                    postgres.password())) {
                UsageProbe probe = new UsageProbe(monitor);
                long pid = service.pid();
                LongSupplier serviceCpu = () -> UsageProbe.ticksToNanos(UsageProbe.cpuTicks(pid, "java").orElse(0));
                UsageProbe.Sample before = probe.sample(serviceCpu);
                Map<String, DatabaseActivity.Counts> countsBefore = DatabaseActivity.snapshot(monitor, Map.of(database, database));
                long rebuild = System.nanoTime();
                String answer = post("/api/admin/projections/rebuild");
                rebuilt = awaitCaughtUp(generation);
                line("Rebuild (generation %d → %d): %,d events in %.1f s: **%,.0f events/s** (POST %s)", generation, rebuilt,
                        events, seconds(rebuild), events / seconds(rebuild), answer);
                UsageProbe.Usage usage = probe.between(before, probe.sample(serviceCpu));
                Thread.sleep(DatabaseActivity.SETTLE.toMillis());
                DatabaseActivity.Counts counts = DatabaseActivity.snapshot(monitor, Map.of(database, database)).get(database)
                        .minus(countsBefore.get(database));
                line("Rebuild's CPU per event: service %.1f µs, PostgreSQL (this database's backends) %.1f µs, whole machine "
                                + "%.1f µs; per event in PostgreSQL: %.3f transactions, %.3f rows inserted, %.3f updated, "
                                + "%.3f deleted, %,.0f bytes of WAL", usage.clientCpuNanos() / 1e3 / events,
                        usage.postgresCpuNanos() / 1e3 / events, usage.machineCpuNanos() / 1e3 / events,
                        (double) counts.commits() / events, (double) counts.inserted() / events,
                        (double) counts.updated() / events, (double) counts.deleted() / events,
                        (double) usage.walBytes() / events);
            }

            bulkLoadHazards(postgres, database, rebuilt);
            Map<String, String> queries = new java.util.LinkedHashMap<>();
            queries.put("/api/stats/districts", "district table, all time (default period)");
            queries.put("/api/stats/districts?from=2025-01-01&to=2026-01-01", "district table, one year");
            queries.put("/api/stats/districts?from=" + java.time.LocalDate.now().minusDays(45), "district table, last 45 days");
            queries.put("/api/stats/districts/370007?by=street", "drill-down of one district by street, all time");
            queries.put("/api/reports/quarterly?year=2025&quarter=1", "quarterly table 2025 Q1");
            latency("/api/stats/districts", "district table, all time, cold: the first requests after the start", 100);
            warmUp(queries.keySet());
            for (Map.Entry<String, String> query : queries.entrySet()) {
                latency(query.getKey(), query.getValue(), QUERIES);
            }
            freshness(bootstrap);
        } finally {
            if (service != null) {
                Processes.stop(service.toHandle(), Duration.ofSeconds(10));
            }
            broker.close();
            KafkaBroker.deleteData(brokerDir);
            if (KEEP_DATABASE) {
                line("Database kept: %s", database);
            } else {
                postgres.dropDatabase(database);
            }
            Path results = Path.of(System.getProperty("benchmark.results", "target/results.md")).resolveSibling("reporting-results.md");
            Files.writeString(results, String.join("\n", report) + "\n");
        }
    }

    /** Adds bulk-loaded hazards to the active generation so it holds HAZARDS over DISTRICTS districts. */
    private void bulkLoadHazards(PostgresServer postgres, String database, int generation) throws Exception {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
             var count = c.createStatement()) {
            var rs = count.executeQuery("SELECT count(*) FROM rp_hazard WHERE generation = " + generation);
            rs.next();
            long present = rs.getLong(1);
            StringBuilder categories = new StringBuilder();
            for (HazardCategory category : HazardCategory.values()) {
                categories.append(categories.isEmpty() ? "" : ",").append('\'').append(category.name()).append('\'');
            }
            // Shaped like a ledger in use: hazards older than 60 days are 99 % closed, younger ones the less the
            // younger (about 95 % closed in all); a 30-day deadline; closures within 40 days.
            count.execute("ALTER TABLE rp_hazard DISABLE TRIGGER rp_hazard_rollup_inserted");
            count.executeUpdate("""
                    INSERT INTO rp_hazard (generation, hazard_id, enterprise_id, district_code, street_code, industry_code,
                        category, severity, source, title, found_at, assigned_at, funds_yuan, five_items, original_deadline,
                        deadline, closed_at, on_time, supervision_level, supervision_listed_at)
                    SELECT %d, gen_random_uuid(), gen_random_uuid(), d, d || '001', '26', (ARRAY[%s])[1 + i %% 10],
                           CASE WHEN major THEN 'MAJOR' ELSE 'GENERAL' END, 'SELF_CHECK', '隐患', f, f + interval '1 hour',
                           100 + i %% 10000, i %% 10 <> 0, (f + interval '30 days')::date, (f + interval '30 days')::date,
                           CASE WHEN closed THEN f + ((i %% 40) %% greatest(age, 1)) * interval '1 day' END,
                           CASE WHEN closed THEN (i %% 40) %% greatest(age, 1) <= 30 END,
                           CASE WHEN major AND NOT closed THEN 'COUNTY' END,
                           CASE WHEN major AND i %% 3 = 0 THEN f + interval '2 days' END
                    FROM (SELECT i, '37' || lpad((i %% %d)::text, 4, '0') AS d, i %% 20 = 0 AS major, i %% 730 AS age,
                                 CASE WHEN i %% 730 >= 60 THEN i %% 100 <> 0 ELSE i %% 60 < i %% 730 END AS closed,
                                 now() - (i %% 730) * interval '1 day' - (i %% 1440) * interval '1 minute' AS f
                          FROM generate_series(1, %d) i) s""".formatted(generation, categories, DISTRICTS,
                    Math.max(0, HAZARDS - present)));
            count.execute("ALTER TABLE rp_hazard ENABLE TRIGGER rp_hazard_rollup_inserted");
            count.execute("SELECT rp_rollup_recompute(" + generation + ")");
            count.execute("VACUUM ANALYZE rp_hazard");
            count.execute("VACUUM ANALYZE rp_hazard_rollup");
            line("Bulk-loaded hazards up to %,d in generation %d (%,d from the replay) in %.1f s", HAZARDS, generation,
                    present, seconds(started));
        }
    }

    private void warmUp(java.util.Collection<String> paths) throws Exception {
        long until = System.nanoTime() + QUERY_WARMUP.toNanos();
        int rounds = 0;
        while (System.nanoTime() < until) {
            for (String path : paths) {
                get(path);
            }
            rounds++;
        }
        line("Warm-up: the %d queries below asked in turn for %d s (%,d rounds)", paths.size(), QUERY_WARMUP.toSeconds(), rounds);
    }

    private void latency(String path, String what, int queries) throws Exception {
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < queries; i++) {
            long t = System.nanoTime();
            get(path);
            histogram.recordValue((System.nanoTime() - t) / 1000);
        }
        line("| %s | `%s` | %d | %.1f | %.1f | %.1f |", what, path, queries, histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0);
    }

    /** From the broker's acknowledgement of a HazardFound in a new district to found = 1 in the API. */
    private void freshness(String bootstrap) throws Exception {
        Histogram histogram = new Histogram(3);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < FRESHNESS_SAMPLES; i++) {
                String district = String.format("52%04d", i);
                UUID hazard = UUID.randomUUID();
                HazardFound found = new HazardFound(hazard, UUID.randomUUID(), district, null, null, HazardSource.SELF_CHECK,
                        "隐患", "描述", "车间", HazardCategory.FIRE, Severity.GENERAL, null, null, List.of(), null, null,
                        Instant.now());
                EventMix.send(producer, hazard, 1, found, Instant.now(), district);
                producer.flush();
                long acked = System.nanoTime();
                String path = "/api/stats/districts/" + district + "?by=severity";
                while (!get(path).contains("\"found\":1")) {
                    Thread.sleep(2);
                }
                histogram.recordValue((System.nanoTime() - acked) / 1000);
            }
        }
        line("Freshness over %d events: p50 %.1f ms, p99 %.1f ms, max %.1f ms", FRESHNESS_SAMPLES,
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMaxValue() / 1000.0);
    }

    /** Waits until a generation other than {@code previous} is active with no rebuild running and no lag. */
    private int awaitCaughtUp(int previous) throws Exception {
        while (true) {
            String status = get("/api/admin/projections");
            Matcher generation = GENERATION.matcher(status);
            Matcher lag = LAG.matcher(status);
            int generations = 0;
            int number = -1;
            while (generation.find()) {
                generations++;
                number = Integer.parseInt(generation.group(1));
            }
            if (generations == 1 && number != previous && lag.find() && Long.parseLong(lag.group(1)) == 0
                    && status.contains("\"partitions\":[{")) {
                return number;
            }
            Thread.sleep(200);
        }
    }

    private void awaitReady(Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("reporting-service exited; see its log under target/benchmark/reporting");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("reporting-service not ready in 2 minutes");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private String post(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        report.add(text);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
