package io.hazardledger.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU and memory of the stack's processes over a measured window, from /proc: CPU as utime + stime, memory sampled
 * once a second. A server made of many processes (PostgreSQL) counts as one: its postmaster, its live children and
 * the children that ended meanwhile (cutime + cstime of the postmaster), memory as the sum of their PSS, since the
 * shared buffers would be counted once per process in RSS.
 */
final class ProcessUsage implements AutoCloseable {
    private static final long MIB = 1024 * 1024;

    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private final Thread sampler = new Thread(this::sampleEverySecond, "process-usage");
    private long startNanos;
    private long endNanos;
    private long machineStartTicks;
    private long machineEndTicks;

    /** A process counted alone, memory as its RSS. */
    ProcessUsage process(String name, long pid) {
        watched.put(name, new Watched(pid, false));
        return this;
    }

    /** A process with its children (a PostgreSQL server), memory as their summed PSS. */
    ProcessUsage tree(String name, long pid) {
        watched.put(name, new Watched(pid, true));
        return this;
    }

    void start() {
        startNanos = System.nanoTime();
        machineStartTicks = UsageProbe.machineBusyTicks();
        watched.values().forEach(w -> {
            w.startTicks = w.cpuTicks();
            w.sampleMemory();
        });
        sampler.setDaemon(true);
        sampler.start();
    }

    void stop() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
        endNanos = System.nanoTime();
        machineEndTicks = UsageProbe.machineBusyTicks();
        watched.values().forEach(w -> {
            w.endTicks = w.cpuTicks();
            w.sampleMemory();
            w.highWaterMark = w.tree ? -1 : statusKiB(w.pid, "VmHWM:") * 1024;
        });
    }

    /** A Markdown table: CPU in the window and memory, one row per process. */
    String table() {
        double seconds = (endNanos - startNanos) / 1e9;
        StringBuilder out = new StringBuilder("""
                | process | pid | CPU s | CPU % of one core | memory at end MiB | peak MiB (sampled each s) | VmHWM MiB |
                |---|---:|---:|---:|---:|---:|---:|
                """);
        watched.forEach((name, w) -> {
            double cpu = UsageProbe.ticksToNanos(w.endTicks - w.startTicks) / 1e9;
            out.append("| %s%s | %d | %.1f | %.0f %% | %d | %d | %s |%n".formatted(name, w.tree ? " (all processes, PSS)" : "",
                    w.pid, cpu, cpu / seconds * 100, w.lastBytes / MIB, w.peakBytes / MIB,
                    w.highWaterMark < 0 ? "n/a" : Long.toString(w.highWaterMark / MIB)));
        });
        long watchedTicks = watched.values().stream().mapToLong(w -> w.endTicks - w.startTicks).sum();
        double others = UsageProbe.ticksToNanos(machineEndTicks - machineStartTicks - watchedTicks) / 1e9;
        // Another job on the machine takes CPU from all of the above: what it took tells how far to trust the rest.
        out.append("| everything else on the machine | | %.1f | %.0f %% | | | |%n".formatted(others, others / seconds * 100));
        return out.toString();
    }

    /** The highest memory sampled for {@code name}, 0 when it was not watched. */
    long peakBytes(String name) {
        Watched w = watched.get(name);
        return w == null ? 0 : w.peakBytes;
    }

    @Override
    public void close() throws InterruptedException {
        if (sampler.isAlive()) {
            stop();
        }
    }

    private void sampleEverySecond() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1000);
                watched.values().forEach(Watched::sampleMemory);
            }
        } catch (InterruptedException stopped) {
            // the window is over
        }
    }

    /** Resident memory of one process in bytes, 0 when it is gone. */
    static long rssBytes(long pid) {
        return statusKiB(pid, "VmRSS:") * 1024;
    }

    private static long statusKiB(long pid, String key) {
        return field(Path.of("/proc", Long.toString(pid), "status"), key);
    }

    private static long field(Path file, String key) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0])).orElse(0L);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Fields of /proc/[pid]/stat after the command name: [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    private static List<Long> children(long parent) {
        List<Long> children = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                long pid = Long.parseLong(p.getFileName().toString());
                String[] fields = stat(pid);
                if (fields != null && Long.parseLong(fields[1]) == parent) {
                    children.add(pid);
                }
            }
        } catch (IOException e) {
            // no /proc: nothing to count
        }
        return children;
    }

    private static final class Watched {
        final long pid;
        final boolean tree;
        long startTicks;
        long endTicks;
        long lastBytes;
        long peakBytes;
        long highWaterMark;

        Watched(long pid, boolean tree) {
            this.pid = pid;
            this.tree = tree;
        }

        long cpuTicks() {
            String[] own = stat(pid);
            if (own == null) {
                return 0;
            }
            long ticks = Long.parseLong(own[11]) + Long.parseLong(own[12]);
            if (tree) {
                ticks += Long.parseLong(own[13]) + Long.parseLong(own[14]);
                for (long child : children(pid)) {
                    String[] fields = stat(child);
                    if (fields != null) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                }
            }
            return ticks;
        }

        synchronized void sampleMemory() {
            long bytes;
            if (tree) {
                bytes = pss(pid);
                for (long child : children(pid)) {
                    bytes += pss(child);
                }
            } else {
                bytes = rssBytes(pid);
            }
            lastBytes = bytes;
            peakBytes = Math.max(peakBytes, bytes);
        }

        private static long pss(long pid) {
            return field(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:") * 1024;
        }
    }
}
