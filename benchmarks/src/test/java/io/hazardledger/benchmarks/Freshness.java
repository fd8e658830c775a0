package io.hazardledger.benchmarks;

import io.hazardledger.local.ServiceSpec;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How long a command takes to show in the district figures while the load runs: once per interval a hazard is
 * reported in a district only these samples use, and from its acceptance (201) the district's drill-down is polled
 * until its found count includes it. One sample at a time and a poll every few milliseconds, so the samples add
 * little to the offered load.
 */
final class Freshness implements AutoCloseable {
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final ApiClient api;
    private final String token;
    private final String district;
    private final Supplier<Map<String, Object>> report;
    private final Duration every;
    private final Duration poll;
    private final Histogram delays = new Histogram(3);
    private final Thread thread = new Thread(this::sampleUntilStopped, "freshness");
    private volatile boolean stopping;
    private long accepted;
    private long refused;
    private long timedOut;
    private long polls;

    Freshness(ApiClient api, String token, String district, Supplier<Map<String, Object>> report, Duration every,
              Duration poll) {
        this.api = api;
        this.token = token;
        this.district = district;
        this.report = report;
        this.every = every;
        this.poll = poll;
    }

    void start() {
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        stopping = true;
        thread.join(GIVE_UP.toMillis() + 5_000);
    }

    /** A line for the results: the delays' p50, p99 and max, and what did not count. */
    synchronized String summary() {
        return ("freshness (hazard accepted → in the district figure), %d samples, polled every %d ms: p50 %.0f ms,"
                + " p99 %.0f ms, max %.0f ms; %d not accepted, %d not visible within %d s, %d polls").formatted(
                delays.getTotalCount(), poll.toMillis(), delays.getValueAtPercentile(50) / 1e3,
                delays.getValueAtPercentile(99) / 1e3, delays.getMaxValue() / 1e3, refused, timedOut,
                GIVE_UP.toSeconds(), polls);
    }

    synchronized Histogram delays() {
        return delays.copy();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void sampleUntilStopped() {
        try {
            long initial = found();
            long next = System.nanoTime();
            while (!stopping) {
                next += every.toNanos();
                if (api.trySend(token, "POST", ServiceSpec.ALL.get(2), "/api/hazards", report.get()) == null) {
                    synchronized (this) {
                        refused++;
                    }
                } else {
                    long acceptedAt = System.nanoTime();
                    synchronized (this) {
                        accepted++;
                    }
                    // Every accepted sample must be counted, so a late one is waited for by the next.
                    awaitFound(initial + accepted, acceptedAt);
                }
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("Freshness sampling stopped: " + e);
        }
    }

    private void awaitFound(long expected, long acceptedAt) throws Exception {
        long deadline = acceptedAt + GIVE_UP.toNanos();
        while (found() < expected) {
            if (System.nanoTime() > deadline) {
                synchronized (this) {
                    timedOut++;
                }
                return;
            }
            Thread.sleep(poll.toMillis());
        }
        synchronized (this) {
            delays.recordValue(Math.max(1, (System.nanoTime() - acceptedAt) / 1_000));
        }
    }

    private long found() throws Exception {
        synchronized (this) {
            polls++;
        }
        var table = api.trySend(token, "GET", ServiceSpec.ALL.get(3), "/api/stats/districts/" + district + "?by=severity",
                null);
        return table == null ? -1 : table.path("total").path("found").asLong(-1);
    }
}
