package io.hazardledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.hazardledger.contracts.enterprise.UnifiedSocialCreditCode;
import io.hazardledger.local.DevTokens;
import io.hazardledger.local.LocalStack;
import io.hazardledger.local.Ports;
import io.hazardledger.local.PostgresServer;
import io.hazardledger.local.ServiceSpec;
import io.hazardledger.local.StackSettings;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load generator for the REST APIs of a running stack: a mix of commands and reads ({@link LoadMix}) sent at a
 * fixed rate (open loop: a slow answer does not slow the sending), latency per endpoint from the moment a request
 * was due, so queueing in the client counts too. Around the measured window: each service's start alone, the CPU
 * and memory of every process, freshness samples, and the engines' own rates (pgbench, Kafka's perf tools) as
 * baselines. Against the stack on the README's ports when {@code HL_STACK=running}, otherwise one it starts on free
 * ports with databases of its own. Settings in benchmarks/README.md.
 */
class ApiLoadBenchmark {
    private static final Duration DRAIN = Duration.ofSeconds(20);
    // The services let one caller send 50 commands a second; load is spread over callers so none comes near that.
    private static final int COMMANDS_PER_CALLER_PER_SECOND = 20;

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final Map<String, Recorder> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final AtomicLong answeredCommands = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final ConcurrentLinkedDeque<String[]> advanceable = new ConcurrentLinkedDeque<>(); // {hazardId, step}
    private final List<String> hazards = new ArrayList<>();
    private final List<CompletableFuture<?>> inspections = new ArrayList<>(); // each one's last finding, to chain on
    private final List<String> inspectionIds = new ArrayList<>();
    private LocalStack stack;
    private ApiClient api;
    private String[] tokens;
    private String enterpriseId;
    private String freshnessEnterpriseId;

    @Test
    void restApisUnderAFixedRateMix() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        boolean running = "running".equals(System.getenv("HL_STACK"));
        String prefix = "bench_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        stack = new LocalStack(running ? StackSettings.defaults(root) : new StackSettings(root,
                root.resolve("benchmarks/target/api-load-stack"), Ports.freeRange(18281, 4), Ports.free(), Ports.free(),
                5432, prefix));
        api = new ApiClient(stack.settings());
        LoadReport report = new LoadReport(settings);
        try {
            if (!running) {
                // Every run has fresh databases; a broker log kept from an earlier run would be replayed into them by
                // every consumer while this run's load goes on.
                stack.dropKafkaData();
                stack.up();
                report.stackStart(stack.startTimes());
            }
            report.environment("PostgreSQL", postgresVersion());
            tokens = callers();
            prepare();
            run(settings.warmup());
            latencies.clear();
            failures.clear();
            answeredCommands.set(0);
            measure(report);
            String bootstrap = "127.0.0.1:" + stack.settings().kafkaPort();
            PostgresServer postgres = PostgresServer.local(stack.settings().postgresPort());
            report.pgbench(PgBenchBaseline.run(postgres, prefix + "pgbench", root.resolve("benchmarks/target/benchmark"),
                    settings.pgbenchClients(), Duration.ofSeconds(3), settings.baselineDuration()));
            report.kafkaPerf(new KafkaPerf(bootstrap, root, root.resolve("benchmarks/target/benchmark"))
                    .run(settings.kafkaRecords(), settings.kafkaRecordSize()));
            if (!running) {
                // Last, so restarting the services neither leaves them cold for the load nor disturbs the baselines.
                report.serviceStarts(ServiceStarts.measure(stack));
            }
        } finally {
            report.write(settings.results());
            if (!running) {
                stack.down();
                stack.dropDatabases();
            }
        }
    }

    /** The measured window, with the processes' usage, freshness samples and the records published around it. */
    private void measure(LoadReport report) throws Exception {
        String bootstrap = "127.0.0.1:" + stack.settings().kafkaPort();
        try (TopicOffsets offsets = new TopicOffsets(bootstrap); ProcessUsage usage = processes();
             Freshness freshness = new Freshness(api, DevTokens.mint(stack.keys().signingKey(), "inspector-freshness",
                     "inspector", settings.freshnessDistrict(), null), settings.freshnessDistrict(),
                     () -> hazardReport(freshnessEnterpriseId), Duration.ofSeconds(1), Duration.ofMillis(10))) {
            long publishedBefore = offsets.published();
            Map<String, DatabaseActivity.Counts> databaseBefore = databaseActivity();
            usage.start();
            freshness.start();
            long started = System.nanoTime();
            long sent = run(settings.duration());
            double seconds = settings.duration().toNanos() / 1e9;
            double drained = (System.nanoTime() - started) / 1e9;
            freshness.stop();
            usage.stop();
            long published = offsets.published() - publishedBefore;
            report.load(sent, seconds, drained, answeredCommands.get(), published, latencies, failures);
            report.freshness(freshness.summary(), freshness.delays());
            report.processes(usage, ServiceSpec.ALL.stream().map(ServiceSpec::module).toList());
            // PostgreSQL's backends report their counters at most once a second while busy and after 10 s idle.
            Thread.sleep(DatabaseActivity.SETTLE.toMillis());
            report.database(DatabaseActivity.table(databaseBefore, databaseActivity(), answeredCommands.get()));
        }
    }

    private Map<String, DatabaseActivity.Counts> databaseActivity() throws Exception {
        PostgresServer server = PostgresServer.local(stack.settings().postgresPort());
        Map<String, String> databases = new java.util.LinkedHashMap<>();
        ServiceSpec.ALL.forEach(service -> databases.put(service.module(), stack.settings().database(service)));
        try (var connection = java.sql.DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password())) {
            return DatabaseActivity.snapshot(connection, databases);
        }
    }

    private String postgresVersion() throws Exception {
        PostgresServer server = PostgresServer.local(stack.settings().postgresPort());
        try (var connection = java.sql.DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password())) {
            return BenchmarkDatabase.text(connection, "SELECT version()") + ", "
                    + BenchmarkDatabase.text(connection, "SHOW shared_buffers") + " shared_buffers, synchronous_commit "
                    + BenchmarkDatabase.text(connection, "SHOW synchronous_commit");
        }
    }

    private ProcessUsage processes() {
        ProcessUsage usage = new ProcessUsage();
        for (ServiceSpec service : ServiceSpec.ALL) {
            ListeningProcess.on(stack.settings().port(service)).ifPresent(pid -> usage.process(service.module(), pid));
        }
        ListeningProcess.on(stack.settings().kafkaPort()).ifPresent(pid -> usage.process("kafka broker", pid));
        ListeningProcess.on(stack.settings().postgresPort()).ifPresent(pid -> usage.tree("postgresql", pid));
        return usage.process("load generator (this JVM)", ProcessHandle.current().pid());
    }

    /** Inspectors of the district, enough of them that none comes near the per-caller command rate. */
    private String[] callers() throws Exception {
        int count = Math.max(4, (int) Math.ceil(settings.rate() * LoadMix.fromProperty().commandShare()
                / COMMANDS_PER_CALLER_PER_SECOND));
        String[] minted = new String[count];
        for (int i = 0; i < count; i++) {
            minted[i] = DevTokens.mint(stack.keys().signingKey(), "inspector-" + settings.district() + "-" + i,
                    "inspector", settings.district(), null);
        }
        return minted;
    }

    /**
     * An enterprise in the load's district and one in the freshness samples' district, known to the hazard and
     * inspection services, inspections under way and a first hazard.
     */
    private void prepare() throws Exception {
        enterpriseId = register(settings.district(), "913707816", "青州精细化工有限公司");
        freshnessEnterpriseId = register(settings.freshnessDistrict(), "913707866", "昌邑时效抽样化工有限公司");
        String freshnessToken = DevTokens.mint(stack.keys().signingKey(), "inspector-freshness", "inspector",
                settings.freshnessDistrict(), null);
        // Findings go one at a time per inspection, which takes them in turn; one inspection per 10 findings a second.
        int inspectionCount = Math.max(1, (int) Math.ceil(settings.rate() * LoadMix.fromProperty().share(LoadMix.Kind.FINDING) / 10));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        boolean freshnessReady = false;
        while (inspectionIds.size() < inspectionCount || hazards.isEmpty() || !freshnessReady) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The services did not learn of the enterprises in 60 s");
            }
            Thread.sleep(500);
            while (inspectionIds.size() < inspectionCount) {
                JsonNode planned = api.trySend(tokens[0], "POST", ServiceSpec.ALL.get(1), "/api/inspections", Map.of(
                        "enterpriseId", enterpriseId, "kind", "ENFORCEMENT", "plannedDate", LocalDate.now().toString(),
                        "inspectors", List.of("insp-qz-1", "insp-qz-2")));
                if (planned == null) {
                    break;
                }
                String id = planned.get("id").asText();
                api.send(tokens[0], "POST", ServiceSpec.ALL.get(1), "/api/inspections/" + id + "/start", Map.of());
                inspectionIds.add(id);
                inspections.add(CompletableFuture.completedFuture(null));
            }
            if (hazards.isEmpty()) {
                JsonNode hazard = api.trySend(tokens[0], "POST", ServiceSpec.ALL.get(2), "/api/hazards", hazardReport(enterpriseId));
                if (hazard != null) {
                    hazards.add(hazard.get("id").asText());
                }
            }
            if (!freshnessReady) {
                // A hazard-service that knows the enterprise takes its reports; the sampler starts from what is counted.
                freshnessReady = api.trySend(freshnessToken, "POST", ServiceSpec.ALL.get(2), "/api/hazards",
                        hazardReport(freshnessEnterpriseId)) != null;
            }
        }
    }

    private String register(String district, String uscc9, String name) throws Exception {
        String body17 = uscc9 + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return api.send(stack.token("regulator", district, null), "POST", ServiceSpec.ALL.get(0), "/api/enterprises", Map.of(
                "uscc", body17 + UnifiedSocialCreditCode.checkCharacter(body17 + "0"), "name", name,
                "districtCode", district, "supervisionCategory", "INDUSTRY_AND_TRADE")).get("id").asText();
    }

    /** Sends the mix at the fixed rate for {@code time}, then waits for the answers; returns how many were sent. */
    private long run(Duration time) throws Exception {
        LoadMix mix = LoadMix.fromProperty();
        long interval = 1_000_000_000L / settings.rate();
        long start = System.nanoTime();
        long count = time.toNanos() / interval;
        for (long i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            one(mix.at(i), i, due);
        }
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(10);
        }
        return count;
    }

    private void one(LoadMix.Kind kind, long tick, long due) throws Exception {
        String token = tokens[(int) (tick % tokens.length)];
        String[] advance = kind == LoadMix.Kind.STEP ? advanceable.pollFirst() : null;
        switch (kind) {
            case REPORT, STEP -> {
                if (advance == null) { // nothing to advance yet: a report instead
                    timed("POST /api/hazards", true, due, send(token, "POST", 2, "/api/hazards", hazardReport(enterpriseId)),
                            answer -> {
                                String id = answer.get("id").asText();
                                synchronized (hazards) {
                                    hazards.add(id);
                                }
                                advanceable.addLast(new String[] {id, "rectification"});
                            });
                } else {
                    timed("POST /api/hazards/{id}/" + advance[1], true, due, send(token, "POST", 2,
                            "/api/hazards/" + advance[0] + "/" + advance[1], stepBody(advance[1])), answer -> {
                                String next = switch (advance[1]) {
                                    case "rectification" -> "completion";
                                    case "completion" -> "verification";
                                    default -> null;
                                };
                                if (next != null) {
                                    advanceable.addLast(new String[] {advance[0], next});
                                }
                            });
                }
            }
            case FINDING -> finding(token, tick, due);
            case LIST -> timed("GET /api/hazards?districtCode=", false, due,
                    send(token, "GET", 2, "/api/hazards?districtCode=" + settings.district() + "&size=20", null), answer -> { });
            case SINGLE -> timed("GET /api/hazards/{id}", false, due, send(token, "GET", 2, "/api/hazards/" + anyHazard(), null),
                    answer -> { });
            case DISTRICT_TABLE -> timed("GET /api/stats/districts", false, due, send(token, "GET", 3, "/api/stats/districts", null),
                    answer -> { });
        }
    }

    /** A finding is sent when its inspection's previous one is answered: an inspection takes them in turn. */
    private void finding(String token, long tick, long due) {
        int i = (int) (tick % inspectionIds.size());
        synchronized (inspections) {
            CompletableFuture<HttpResponse<String>> sent = inspections.get(i).handle((previous, error) -> null)
                    .thenCompose(ignored -> {
                        try {
                            return send(token, "POST", 1, "/api/inspections/" + inspectionIds.get(i) + "/findings",
                                    Map.of("description", "消防通道堆放杂物", "category", "FIRE", "severity", "GENERAL",
                                            "location", "成品库"));
                        } catch (Exception e) {
                            return CompletableFuture.failedFuture(e);
                        }
                    });
            inspections.set(i, timed("POST /api/inspections/{id}/findings", true, due, sent, answer -> { }));
        }
    }

    private CompletableFuture<HttpResponse<String>> send(String token, String method, int service, String path, Object body)
            throws Exception {
        return api.sendAsync(token, method, ServiceSpec.ALL.get(service), path, body);
    }

    private CompletableFuture<?> timed(String endpoint, boolean command, long due, CompletableFuture<HttpResponse<String>> answer,
                                       java.util.function.Consumer<JsonNode> onSuccess) {
        inFlight.incrementAndGet();
        return answer.whenComplete((response, error) -> {
            try {
                if (error != null) {
                    Throwable cause = error.getCause() != null ? error.getCause() : error;
                    failures.computeIfAbsent(endpoint + " " + cause.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                    return;
                }
                long micros = (System.nanoTime() - due) / 1_000;
                latencies.computeIfAbsent(endpoint, e -> new Recorder(3)).recordValue(Math.max(1, micros));
                if (response.statusCode() / 100 == 2) {
                    if (command) {
                        answeredCommands.incrementAndGet();
                    }
                    onSuccess.accept(ApiClient.json(response));
                } else {
                    failures.computeIfAbsent(endpoint + " " + response.statusCode(), e -> new AtomicLong()).incrementAndGet();
                }
            } catch (Exception e) {
                failures.computeIfAbsent(endpoint + " " + e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private String anyHazard() {
        synchronized (hazards) {
            return hazards.get(ThreadLocalRandom.current().nextInt(hazards.size()));
        }
    }

    private static Map<String, Object> hazardReport(String enterprise) {
        return Map.of("enterpriseId", enterprise, "source", "INSPECTION", "title", "电缆老化 " + UUID.randomUUID(),
                "description", "配电室电缆老化破损，绝缘层开裂", "category", "ELECTRICAL", "severity", "GENERAL");
    }

    private static Map<String, Object> stepBody(String step) {
        return switch (step) {
            case "rectification" -> Map.of("responsiblePerson", "设备科长", "measures", "更换老化电缆", "fundsYuan", 3000,
                    "deadline", LocalDate.now().plusDays(20).toString(), "emergencyMeasures", "断电挂牌，设置警戒");
            case "completion" -> Map.of("summary", "电缆已更换");
            default -> Map.of("passed", true, "comment", "复查合格");
        };
    }
}
