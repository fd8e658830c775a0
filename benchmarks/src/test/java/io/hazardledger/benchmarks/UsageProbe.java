package io.hazardledger.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Where the CPU goes during a measurement: the client's own CPU time (the JVM, or pgbench), the CPU time of the
 * PostgreSQL backends serving the benchmark database (read from /proc, so only when the server runs on this
 * machine), the CPU time the whole machine spent (so what the rest of it took is known), and the WAL written by
 * the whole cluster.
 */
public final class UsageProbe {
    private static final String BACKENDS = """
            SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'""";
    // USER_HZ, the unit of utime and stime in /proc/<pid>/stat; 100 on every Linux this runs on.
    private static final long TICKS_PER_SECOND = 100;

    private final Connection monitor;

    public UsageProbe(Connection monitor) {
        this.monitor = monitor;
    }

    public Sample sample(LongSupplier clientCpuNanos) throws SQLException {
        Map<Long, Long> backendTicks = new HashMap<>();
        try (Statement statement = monitor.createStatement(); ResultSet rows = statement.executeQuery(BACKENDS)) {
            while (rows.next()) {
                long pid = rows.getLong(1);
                cpuTicks(pid, "postgres").ifPresent(ticks -> backendTicks.put(pid, ticks));
            }
        }
        return new Sample(clientCpuNanos.getAsLong(), backendTicks, machineBusyTicks(),
                BenchmarkDatabase.text(monitor, "SELECT pg_current_wal_lsn()::text"));
    }

    public Usage between(Sample start, Sample end) throws SQLException {
        long backendTicks = 0;
        for (var backend : end.backendTicks().entrySet()) {
            backendTicks += backend.getValue() - start.backendTicks().getOrDefault(backend.getKey(), 0L);
        }
        long walBytes;
        try (PreparedStatement diff = monitor.prepareStatement("SELECT pg_wal_lsn_diff(?::pg_lsn, ?::pg_lsn)")) {
            diff.setString(1, end.walLsn());
            diff.setString(2, start.walLsn());
            try (ResultSet rows = diff.executeQuery()) {
                rows.next();
                walBytes = rows.getLong(1);
            }
        }
        long postgresNanos = end.backendTicks().isEmpty() ? -1 : ticksToNanos(backendTicks);
        long machineNanos = ticksToNanos(end.machineBusyTicks() - start.machineBusyTicks());
        return new Usage(end.clientCpuNanos() - start.clientCpuNanos(), postgresNanos, machineNanos, walBytes);
    }

    /**
     * utime + stime of a process in clock ticks; empty when no process of that pid and command runs on this machine
     * (the server is elsewhere, or the backend is gone).
     */
    public static OptionalLong cpuTicks(long pid, String command) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            if (!stat.contains("(" + command + ")")) {
                return OptionalLong.empty();
            }
            // Fields after the command name, which may itself hold spaces: state is the first, utime the 12th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** CPU time spent by the whole machine (all CPUs, everything but idle and I/O wait), from /proc/stat. */
    static long machineBusyTicks() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            String[] fields = lines.findFirst().orElseThrow().trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[i]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long ticksPerSecond() {
        return TICKS_PER_SECOND;
    }

    public static long ticksToNanos(long ticks) {
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    public record Sample(long clientCpuNanos, Map<Long, Long> backendTicks, long machineBusyTicks, String walLsn) {
    }

    /**
     * @param postgresCpuNanos -1 when the backends' CPU time could not be read
     * @param machineCpuNanos  CPU time of the whole machine, the client and the backends included
     * @param walBytes         WAL written by the whole cluster, other databases' writers included
     */
    public record Usage(long clientCpuNanos, long postgresCpuNanos, long machineCpuNanos, long walBytes) {
        Usage plus(Usage other) {
            long postgres = postgresCpuNanos < 0 || other.postgresCpuNanos < 0
                    ? -1 : postgresCpuNanos + other.postgresCpuNanos;
            return new Usage(clientCpuNanos + other.clientCpuNanos, postgres, machineCpuNanos + other.machineCpuNanos,
                    walBytes + other.walBytes);
        }

        /** CPU time of everything else: other work on the machine, PostgreSQL's background processes. */
        public long otherCpuNanos() {
            return Math.max(0, machineCpuNanos - clientCpuNanos - Math.max(0, postgresCpuNanos));
        }
    }
}
