package io.hazardledger.benchmarks;

import io.hazardledger.local.LocalStack;
import io.hazardledger.local.ServiceSpec;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Each service started alone, one after the other, with PostgreSQL, Kafka and the other services up and idle: the
 * time from launching its process to its readiness check answering 200 (polled every 10 ms), and its RSS then.
 */
final class ServiceStarts {
    private static final Duration GIVE_UP = Duration.ofSeconds(180);

    record Start(String module, Duration toReady, long rssBytes) {
    }

    private ServiceStarts() {
    }

    static List<Start> measure(LocalStack stack) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        List<Start> starts = new ArrayList<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            stack.stop(service);
            URI ready = URI.create(stack.settings().baseUrl(service) + "/q/health/ready");
            long launched = System.nanoTime();
            CompletableFuture<Duration> restarted = CompletableFuture.supplyAsync(() -> {
                try {
                    return stack.restart(service);
                } catch (Exception e) {
                    throw new IllegalStateException(service.module() + " did not start again", e);
                }
            });
            while (!isReady(http, ready)) {
                if (restarted.isCompletedExceptionally() || System.nanoTime() - launched > GIVE_UP.toNanos()) {
                    restarted.join();
                    throw new IllegalStateException(service.module() + " not ready after " + GIVE_UP.toSeconds() + " s");
                }
                Thread.sleep(10);
            }
            Duration toReady = Duration.ofNanos(System.nanoTime() - launched);
            long rss = ListeningProcess.on(stack.settings().port(service)).stream().map(ProcessUsage::rssBytes)
                    .findFirst().orElse(0);
            restarted.join();
            starts.add(new Start(service.module(), toReady, rss));
        }
        return starts;
    }

    private static boolean isReady(HttpClient http, URI ready) {
        try {
            return http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception notYet) {
            return false;
        }
    }
}
