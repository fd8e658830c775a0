package io.hazardledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hazardledger.contracts.enterprise.UnifiedSocialCreditCode;
import io.hazardledger.local.LocalStack;
import io.hazardledger.local.Ports;
import io.hazardledger.local.ServiceSpec;
import io.hazardledger.local.StackSettings;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load generator for the REST APIs of a running stack: a realistic mix of commands and reads sent at a fixed rate
 * (open loop: a slow answer does not slow the sending), latency per endpoint from the moment a request was due, so
 * queueing in the client counts too. Against the stack on the README's ports when {@code HL_STACK=running},
 * otherwise one it starts on free ports with databases of its own. Settings: {@code -Dload.rate=20} (requests a
 * second), {@code -Dload.warmup-seconds=15}, {@code -Dload.duration-seconds=60}, {@code -Dload.district=370781}.
 */
class ApiLoadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

    private final int rate = Integer.getInteger("load.rate", 20);
    private final Duration warmup = Duration.ofSeconds(Long.getLong("load.warmup-seconds", 15));
    private final Duration duration = Duration.ofSeconds(Long.getLong("load.duration-seconds", 60));
    private final String district = System.getProperty("load.district", "370781"); // 青州市
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).executor(Executors.newFixedThreadPool(4)).build();
    private final Map<String, Recorder> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<String[]> advanceable = new ConcurrentLinkedDeque<>(); // {hazardId, step}
    private final List<String> hazards = new ArrayList<>();
    private LocalStack stack;
    private String token;
    private String enterpriseId;
    private String inspectionId;

    @Test
    void restApisUnderAFixedRateMix() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        boolean running = "running".equals(System.getenv("HL_STACK"));
        stack = new LocalStack(running ? StackSettings.defaults(root) : new StackSettings(root,
                root.resolve("benchmarks/target/api-load-stack"), Ports.freeRange(18281, 4), Ports.free(), Ports.free(),
                5432, "bench_" + UUID.randomUUID().toString().substring(0, 8) + "_"));
        try {
            if (!running) {
                stack.up();
            }
            // Registering is the regulator's; an inspector reports, rectifies, completes, verifies and records findings.
            token = stack.token("regulator", district, null);
            prepare();
            run(warmup);
            latencies.clear();
            failures.clear();
            long started = System.nanoTime();
            long sent = run(duration);
            double seconds = (System.nanoTime() - started) / 1e9;
            report(sent, seconds);
        } finally {
            if (!running) {
                stack.down();
                stack.dropDatabases();
            }
        }
    }

    /** An enterprise of the district, known to the hazard and inspection services, and an inspection under way. */
    private void prepare() throws Exception {
        String body17 = "913707816" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        enterpriseId = send("POST", 0, "/api/enterprises", Map.of("uscc", body17 + UnifiedSocialCreditCode.checkCharacter(body17 + "0"),
                "name", "青州精细化工有限公司", "districtCode", district, "supervisionCategory", "INDUSTRY_AND_TRADE"))
                .get("id").asText();
        token = stack.token("inspector", district, null);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (inspectionId == null || hazards.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The services did not learn of the enterprise in 60 s");
            }
            Thread.sleep(500);
            if (inspectionId == null) {
                JsonNode planned = trySend("POST", 1, "/api/inspections", Map.of("enterpriseId", enterpriseId, "kind", "ENFORCEMENT",
                        "plannedDate", LocalDate.now().toString(), "inspectors", List.of("insp-qz-1", "insp-qz-2")));
                if (planned != null) {
                    inspectionId = planned.get("id").asText();
                    send("POST", 1, "/api/inspections/" + inspectionId + "/start", Map.of());
                }
            }
            if (hazards.isEmpty()) {
                JsonNode hazard = trySend("POST", 2, "/api/hazards", report());
                if (hazard != null) {
                    hazards.add(hazard.get("id").asText());
                }
            }
        }
    }

    /** Sends the mix at the fixed rate for {@code time}; returns how many requests were sent. */
    private long run(Duration time) throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(32);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long count = time.toNanos() / interval;
        for (long i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long tick = i;
            clients.execute(() -> one(tick, due));
        }
        clients.shutdown();
        clients.awaitTermination(CLIENT_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
        return count;
    }

    // Of every 20 requests: 6 reports, 4 rectification steps, 2 findings, 4 lists, 2 single reads, 2 district tables.
    private void one(long tick, long due) {
        int slot = (int) (tick % 20);
        String[] advance = slot >= 6 && slot < 10 ? advanceable.pollFirst() : null;
        String hazard;
        synchronized (hazards) {
            hazard = hazards.get(ThreadLocalRandom.current().nextInt(hazards.size()));
        }
        if (slot < 6 || slot >= 6 && slot < 10 && advance == null) {
            timed("POST /api/hazards", due, "POST", 2, "/api/hazards", report(), answer -> {
                String id = answer.get("id").asText();
                synchronized (hazards) {
                    hazards.add(id);
                }
                advanceable.addLast(new String[] {id, "rectification"});
            });
        } else if (slot < 10) {
            timed("POST /api/hazards/{id}/" + advance[1], due, "POST", 2, "/api/hazards/" + advance[0] + "/" + advance[1],
                    stepBody(advance[1]), answer -> {
                        String next = switch (advance[1]) {
                            case "rectification" -> "completion";
                            case "completion" -> "verification";
                            default -> null;
                        };
                        if (next != null) {
                            advanceable.addLast(new String[] {advance[0], next});
                        }
                    });
        } else if (slot < 12) {
            // One finding at a time: they all go to the same inspection, which takes them in turn.
            synchronized (this) {
                timed("POST /api/inspections/{id}/findings", due, "POST", 1, "/api/inspections/" + inspectionId + "/findings",
                        Map.of("description", "消防通道堆放杂物", "category", "FIRE", "severity", "GENERAL", "location", "成品库"),
                        answer -> { });
            }
        } else if (slot < 16) {
            timed("GET /api/hazards?districtCode=", due, "GET", 2, "/api/hazards?districtCode=" + district + "&size=20", null, answer -> { });
        } else if (slot < 18) {
            timed("GET /api/hazards/{id}", due, "GET", 2, "/api/hazards/" + hazard, null, answer -> { });
        } else {
            timed("GET /api/stats/districts", due, "GET", 3, "/api/stats/districts", null, answer -> { });
        }
    }

    private void timed(String endpoint, long due, String method, int service, String path, Object body,
                       java.util.function.Consumer<JsonNode> onSuccess) {
        try {
            HttpResponse<String> response = http.send(request(method, service, path, body), HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - due) / 1_000;
            latencies.computeIfAbsent(endpoint, e -> new Recorder(3)).recordValue(Math.max(1, micros));
            if (response.statusCode() / 100 == 2) {
                onSuccess.accept(JSON.readTree(response.body().isEmpty() ? "{}" : response.body()));
            } else {
                failures.computeIfAbsent(endpoint + " " + response.statusCode(), e -> new AtomicLong()).incrementAndGet();
            }
        } catch (Exception e) {
            failures.computeIfAbsent(endpoint + " " + e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
        }
    }

    private void report(long sent, double seconds) throws Exception {
        Map<String, Histogram> byEndpoint = new java.util.TreeMap<>();
        latencies.forEach((endpoint, recorder) -> byEndpoint.put(endpoint, recorder.getIntervalHistogram()));
        long answered = byEndpoint.values().stream().mapToLong(Histogram::getTotalCount).sum();
        StringBuilder out = new StringBuilder();
        out.append(String.format("REST API mix at %d requests/s for %.0f s (%d sent, %.1f answered/s); latency from the"
                + " moment each request was due, in ms%n%n", rate, seconds, sent, answered / seconds));
        out.append("| endpoint | count | p50 | p99 | p99.9 | max |\n|---|---:|---:|---:|---:|---:|\n");
        byEndpoint.forEach((endpoint, h) -> out.append(String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", endpoint,
                h.getTotalCount(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3)));
        out.append("\nNot 2xx: ").append(failures.isEmpty() ? "none" : new java.util.TreeMap<>(failures)).append('\n');
        System.out.println(out);
        Path results = Path.of(System.getProperty("load.results", "target/api-load-results.md"));
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, out.toString());
    }

    private Map<String, Object> report() {
        return Map.of("enterpriseId", enterpriseId, "source", "INSPECTION", "title", "电缆老化 " + UUID.randomUUID(),
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

    private HttpRequest request(String method, int service, String path, Object body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(stack.settings().baseUrl(ServiceSpec.ALL.get(service)) + path))
                .timeout(CLIENT_TIMEOUT).header("Authorization", "Bearer " + token);
        if ("POST".equals(method)) {
            builder.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            builder.GET();
        }
        return builder.build();
    }

    private JsonNode trySend(String method, int service, String path, Object body) throws Exception {
        HttpResponse<String> response = http.send(request(method, service, path, body), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() / 100 == 2 ? JSON.readTree(response.body().isEmpty() ? "{}" : response.body()) : null;
    }

    private JsonNode send(String method, int service, String path, Object body) throws Exception {
        JsonNode answer = trySend(method, service, path, body);
        if (answer == null) {
            throw new IllegalStateException(method + " " + path + " failed");
        }
        return answer;
    }
}
