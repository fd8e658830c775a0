package io.hazardledger.benchmarks;

import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a workload with a fixed number of clients, each sending its next command as soon as the last one answered
 * (a closed loop), first for the warm-up, then for the measured time. A command counts when it starts within the
 * measured time.
 */
final class ClosedLoop {
    private final UsageProbe probe;

    ClosedLoop(UsageProbe probe) {
        this.probe = probe;
    }

    /** The JVM's own CPU time: the client side of every scenario run in this process. */
    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    Result run(String scenario, Workload workload, List<? extends AppendClient> clients, Stored stored,
               Duration warmup, Duration duration) throws Exception {
        long storedBefore = stored.count();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long measureUntil = measureFrom + duration.toNanos();
        AtomicLong appends = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        AtomicLong gaveUp = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            AppendClient client = clients.get(i);
            Histogram histogram = Result.newHistogram();
            histograms.add(histogram);
            // Seeded anew each time: a round repeating the last one's choices would reopen its "new" streams.
            SplittableRandom random = new SplittableRandom();
            Workload.Client state = workload.newClient();
            Thread thread = new Thread(() -> {
                try {
                    while (failure.get() == null) {
                        long start = System.nanoTime();
                        if (start >= measureUntil) {
                            return;
                        }
                        Workload.Command command = state.next(random);
                        AppendClient.Appended appended = client.append(command.stream(), command.expectedVersion());
                        long end = System.nanoTime();
                        if (appended.succeeded()) {
                            state.written(command, appended.version());
                        }
                        if (start >= measureFrom) {
                            conflicts.addAndGet(appended.conflicts());
                            if (appended.succeeded()) {
                                appends.incrementAndGet();
                                histogram.recordValue(Math.min((end - start) / 1000, histogram.getHighestTrackableValue()));
                            } else {
                                gaveUp.incrementAndGet();
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-client-" + i);
            thread.start();
            threads.add(thread);
        }
        sleepUntil(measureFrom);
        UsageProbe.Sample first = probe.sample(ClosedLoop::jvmCpuNanos);
        sleepUntil(measureUntil);
        UsageProbe.Sample last = probe.sample(ClosedLoop::jvmCpuNanos);
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(scenario + " failed", failure.get());
        }
        Histogram latency = Result.newHistogram();
        histograms.forEach(latency::add);
        return Result.ofRound(scenario, clients.size(), storedBefore, stored.count(), appends.get(), conflicts.get(),
                gaveUp.get(), latency, duration.toNanos() / 1e9, probe.between(first, last));
    }

    static void sleepUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** The number of stored events, counted before and after a scenario (never during: it costs a scan). */
    @FunctionalInterface
    interface Stored {
        long count() throws Exception;
    }
}
