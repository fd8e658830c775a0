package io.hazardledger.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What the figures were measured on: machine, its load, PostgreSQL and its settings, the JVM. */
final class RunEnvironment {
    private RunEnvironment() {
    }

    static void describe(ResultsReport report, Connection connection, BenchmarkSettings settings) throws SQLException {
        report.environment("run", Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", " + settings.describe());
        report.environment("machine", machine());
        report.environment("load average before (1, 5, 15 min)", loadAverage());
        report.environment("PostgreSQL", BenchmarkDatabase.text(connection, "SELECT version()"));
        report.environment("PostgreSQL settings", settings(connection, "fsync", "full_page_writes", "wal_level",
                "shared_buffers", "max_wal_size", "checkpoint_timeout", "commit_delay"));
        report.environment("JVM", "%s %s, GC %s, arguments %s".formatted(System.getProperty("java.vm.name"),
                Runtime.version(), ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", ")),
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X")).toList()));
    }

    static String machine() {
        return "%d CPUs (nproc), %s, %s".formatted(Runtime.getRuntime().availableProcessors(),
                procLine("/proc/meminfo", "MemTotal"), procLine("/proc/cpuinfo", "model name"));
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static String settings(Connection connection, String... names) throws SQLException {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            values.add(name + "=" + BenchmarkDatabase.text(connection, "SHOW " + name));
        }
        return String.join(", ", values);
    }

    private static String procLine(String file, String key) {
        try (var lines = Files.lines(Path.of(file))) {
            return lines.filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim().replaceAll("\\s+", " ")).orElse("n/a");
        } catch (Exception e) {
            return "n/a";
        }
    }
}
