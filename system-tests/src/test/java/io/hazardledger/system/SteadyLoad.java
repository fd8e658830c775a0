package io.hazardledger.system;

import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real commands at a fixed rate from a small client pool, every answer recorded: hazard reports, the steps of their
 * rectification up to closure (销号) and inspection findings. Each request carries a fresh {@code Idempotency-Key}
 * and a client timeout, so a request that hangs is counted as such instead of stalling the run.
 */
final class SteadyLoad implements AutoCloseable {
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** What a client learnt from one request. */
    enum Answer {
        /** 2xx: the command was done. */
        ACCEPTED,
        /** 503 problem+json: the service said it cannot do it now. */
        UNAVAILABLE,
        /** Nothing listened: the request never reached a service. */
        CONNECTION_REFUSED,
        /** The connection broke after the request was sent: done or not, the client cannot know. */
        CONNECTION_LOST,
        /** No answer within {@link #CLIENT_TIMEOUT}. */
        TIMED_OUT,
        /** Any other status. */
        OTHER;

        /** Whether the command may have taken effect without the client being told so. */
        boolean mayHaveTakenEffect() {
            return this != CONNECTION_REFUSED && this != ACCEPTED;
        }
    }

    /** One hazard command step after the report, with the events an accepted one appends. */
    enum Step {
        RECTIFICATION("rectification", List.of("RectificationAssigned")),
        COMPLETION("completion", List.of("RectificationSubmitted")),
        VERIFICATION("verification", List.of("VerificationPassed", "HazardClosed"));

        final String path;
        final List<String> events;

        Step(String path, List<String> events) {
            this.path = path;
            this.events = events;
        }
    }

    /**
     * One request and its answer. {@code kind} is "report", "finding" or a {@link Step}'s path; {@code hazardId} is
     * known for steps and accepted reports and findings; {@code title} identifies a report whatever its answer.
     */
    record Sent(String kind, String hazardId, String title, Answer answer, int status, long millis,
                boolean problemWithRetryAfter) {
    }

    private record Advance(String hazardId, Step step) {
    }

    private final RunningStack system;
    private final String district;
    private final String enterpriseId;
    private final String inspectionId;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Advance> advanceable = new ArrayDeque<>();
    private final AtomicLong ticks = new AtomicLong();
    private final Object findingLock = new Object();
    private ScheduledExecutorService clock;
    private ExecutorService clients;

    SteadyLoad(RunningStack system, String district, String enterpriseId, String inspectionId) {
        this.system = system;
        this.district = district;
        this.enterpriseId = enterpriseId;
        this.inspectionId = inspectionId;
        this.token = system.token("inspector", district, null);
    }

    /** Starts sending {@code perSecond} commands a second. */
    synchronized void start(int perSecond) {
        clients = Executors.newFixedThreadPool(16);
        clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(() -> clients.execute(nextCommand()), 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    /** Stops sending and waits for the answers (or timeouts) of the requests under way. */
    synchronized void stop() throws InterruptedException {
        if (clock == null) {
            return;
        }
        clock.shutdownNow();
        clock.awaitTermination(5, TimeUnit.SECONDS);
        clients.shutdown();
        if (!clients.awaitTermination(CLIENT_TIMEOUT.toSeconds() * 4, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Requests still under way well after the client timeout");
        }
        clock = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** Every request sent so far, in the order the answers came. */
    List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** Sends one report now, on the caller's thread; for warming up before the steady load starts. */
    Sent reportNow() {
        return report();
    }

    // Every fourth command is a finding; of the rest, every other one takes a hazard a step further when one waits.
    private Runnable nextCommand() {
        long tick = ticks.getAndIncrement();
        if (tick % 4 == 3) {
            return this::finding;
        }
        Advance advance = null;
        if (tick % 2 == 0) {
            synchronized (advanceable) {
                advance = advanceable.pollFirst();
            }
        }
        Advance chosen = advance;
        return chosen == null ? this::report : () -> advance(chosen);
    }

    private Sent report() {
        String title = "FT-" + UUID.randomUUID();
        Sent result = send("report", null, title, system.url(2, "/api/hazards"), Map.of(
                "enterpriseId", enterpriseId, "source", "INSPECTION", "title", title,
                "description", "配电室电缆老化破损，绝缘层开裂", "category", "ELECTRICAL", "severity", "GENERAL"),
                body -> JsonPath.from(body).getString("id"));
        if (result.answer() == Answer.ACCEPTED) {
            offer(new Advance(result.hazardId(), Step.RECTIFICATION));
        }
        return result;
    }

    // One at a time: findings all go to the same inspection, and two at once would race for its next version (409).
    private void finding() {
        synchronized (findingLock) {
            sendFinding();
        }
    }

    private void sendFinding() {
        send("finding", null, null, system.url(1, "/api/inspections/" + inspectionId + "/findings"), Map.of(
                "description", "消防通道堆放杂物", "category", "FIRE", "severity", "GENERAL", "location", "二号仓库"),
                body -> JsonPath.from(body).getString("hazardId"));
    }

    private void advance(Advance advance) {
        Map<String, Object> body = switch (advance.step()) {
            case RECTIFICATION -> Map.of("responsiblePerson", "设备科长", "measures", "更换老化电缆", "fundsYuan", 3000,
                    "deadline", LocalDate.now().plusDays(20).toString(), "emergencyMeasures", "断电挂牌，设置警戒");
            case COMPLETION -> Map.of("summary", "电缆已更换");
            case VERIFICATION -> Map.of("passed", true, "comment", "复查合格");
        };
        Sent result = send(advance.step().path, advance.hazardId(), null,
                system.url(2, "/api/hazards/" + advance.hazardId() + "/" + advance.step().path), body, ignored -> advance.hazardId());
        if (result.answer() == Answer.ACCEPTED && advance.step() != Step.VERIFICATION) {
            offer(new Advance(advance.hazardId(), Step.values()[advance.step().ordinal() + 1]));
        } else if (result.answer() == Answer.UNAVAILABLE || result.answer() == Answer.CONNECTION_REFUSED) {
            offer(advance); // refused, so the same step is due again
        }
        // A step that may or may not have happened leaves the hazard alone: its next step is unknown.
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void offer(Advance advance) {
        synchronized (advanceable) {
            advanceable.addLast(advance);
        }
    }

    private Sent send(String kind, String hazardId, String title, String url, Map<String, Object> body,
                      java.util.function.Function<String, String> idOf) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(CLIENT_TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build();
        long started = System.nanoTime();
        Answer answer;
        int status = 0;
        boolean problemWithRetryAfter = false;
        String id = hazardId;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status / 100 == 2) {
                answer = Answer.ACCEPTED;
                id = idOf.apply(response.body());
            } else if (status == 503) {
                answer = Answer.UNAVAILABLE;
                problemWithRetryAfter = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                        && response.headers().firstValue("Retry-After").isPresent();
            } else {
                answer = Answer.OTHER;
                System.out.printf("fault suite: %s answered %d: %.300s%n", url, status, response.body());
            }
        } catch (HttpTimeoutException e) {
            answer = Answer.TIMED_OUT;
        } catch (ConnectException e) {
            answer = Answer.CONNECTION_REFUSED;
        } catch (IOException e) {
            answer = Answer.CONNECTION_LOST;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = Answer.CONNECTION_LOST;
        }
        Sent result = new Sent(kind, id, title, answer, status, (System.nanoTime() - started) / 1_000_000, problemWithRetryAfter);
        sent.add(result);
        return result;
    }
}
