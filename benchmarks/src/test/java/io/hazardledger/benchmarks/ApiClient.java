package io.hazardledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hazardledger.local.ServiceSpec;
import io.hazardledger.local.StackSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * HTTP/1.1 calls to the stack's services with a bearer token; one client for the whole run, so connections are kept
 * and reused. Load requests go out through {@code load.connections} senders (default 64), each with one request in
 * flight: at most that many connections, as a client's connection pool would allow, and requests beyond them wait in
 * the queue (their latency still counts from when they were due). A request that waited longer than its timeout is
 * failed without being sent, so an overloaded run ends instead of draining a backlog for minutes.
 */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(10);
    // Setting up and sampling wait longer: the first requests to a service just started on a busy machine are slow.
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private static final int CONNECTIONS = Integer.getInteger("load.connections", 64);

    private final StackSettings settings;
    private final java.util.concurrent.ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS, daemon());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).executor(Executors.newFixedThreadPool(8, daemon())).build();

    ApiClient(StackSettings settings) {
        this.settings = settings;
    }

    CompletableFuture<HttpResponse<String>> sendAsync(String token, String method, ServiceSpec service, String path,
                                                      Object body) throws IOException {
        HttpRequest request = request(token, method, service, path, body, LOAD_TIMEOUT);
        long queued = System.nanoTime();
        CompletableFuture<HttpResponse<String>> answer = new CompletableFuture<>();
        senders.execute(() -> {
            if (System.nanoTime() - queued > LOAD_TIMEOUT.toNanos()) {
                answer.completeExceptionally(new java.util.concurrent.TimeoutException("queued in the client too long"));
                return;
            }
            try {
                answer.complete(http.send(request, HttpResponse.BodyHandlers.ofString()));
            } catch (Exception failure) {
                answer.completeExceptionally(failure);
            }
        });
        return answer;
    }

    /** The answer's JSON when it is 2xx, else null. */
    JsonNode trySend(String token, String method, ServiceSpec service, String path, Object body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(token, method, service, path, body, CALL_TIMEOUT),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() / 100 == 2 ? json(response) : null;
    }

    JsonNode send(String token, String method, ServiceSpec service, String path, Object body)
            throws IOException, InterruptedException {
        JsonNode answer = trySend(token, method, service, path, body);
        if (answer == null) {
            throw new IllegalStateException(method + " " + path + " failed");
        }
        return answer;
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
    }

    private HttpRequest request(String token, String method, ServiceSpec service, String path, Object body,
                                Duration timeout) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.baseUrl(service) + path))
                .timeout(timeout).header("Authorization", "Bearer " + token);
        if ("POST".equals(method)) {
            builder.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            builder.GET();
        }
        return builder.build();
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "api-client");
            thread.setDaemon(true);
            return thread;
        };
    }
}
