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
 * Before each start the machine must have gone quiet: right after a saturating load the services still work off
 * their backlog for a minute or more, and a start measured then measures that backlog.
 */
final class ServiceStarts {
    private static final Duration GIVE_UP = Duration.ofSeconds(180);
    /** Quiet: the whole machine below this share of one CPU for {@link #QUIET_SECONDS} seconds in a row. */
    private static final double QUIET_SHARE = 0.25;
    private static final int QUIET_SECONDS = 3;
    private static final Duration QUIET_AT_MOST = Duration.ofSeconds(300);

    /** {@code waitedForQuiet}: how long the machine took to go quiet before the launch (not part of the start). */
    record Start(String module, Duration toReady, long rssBytes, Duration waitedForQuiet) {
    }

    private ServiceStarts() {
    }

    static List<Start> measure(LocalStack stack) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        List<Start> starts = new ArrayList<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            stack.stop(service);
            Duration waited = awaitQuiet();
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
            starts.add(new Start(service.module(), toReady, rss, waited));
        }
        return starts;
    }

    /** Waits until the machine has been quiet for a few seconds (or gives up waiting); returns the time waited. */
    private static Duration awaitQuiet() throws InterruptedException {
        long start = System.nanoTime();
        long quietTicks = (long) (QUIET_SHARE * UsageProbe.ticksPerSecond());
        int quietInARow = 0;
        while (quietInARow < QUIET_SECONDS && System.nanoTime() - start < QUIET_AT_MOST.toNanos()) {
            long before = UsageProbe.machineBusyTicks();
            Thread.sleep(1000);
            quietInARow = UsageProbe.machineBusyTicks() - before <= quietTicks ? quietInARow + 1 : 0;
        }
        return Duration.ofNanos(System.nanoTime() - start);
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
