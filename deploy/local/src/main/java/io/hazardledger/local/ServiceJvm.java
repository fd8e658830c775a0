package io.hazardledger.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How a service's JVM runs in the local stack: a heap and collector sized for a small shared machine, and an
 * application class-data archive (AppCDS) of the service's own classes.
 * <p>
 * A start without a current archive records one ({@code -XX:ArchiveClassesAtExit}), which the JVM writes when the
 * service is stopped gently; the starts after it map some 15,000 classes ready-parsed instead of loading them from
 * the jars. A rebuilt service makes its archive stale (the JVM would refuse it), so it is recorded again.
 */
public final class ServiceJvm {
    /**
     * Serial GC and a heap that starts small and gives memory back (the services keep little live data; a full heap
     * of young garbage is what their RSS used to be). C1 only ({@code TieredStopAtLevel=1}): four services, Kafka and
     * PostgreSQL share two CPUs here, and C2's compiling took about a third of each service's CPU in its first
     * minutes under load, more than its faster code gave back (benchmarks/README.md). {@code HL_SERVICE_JAVA_OPTS}
     * replaces these.
     */
    static final String DEFAULT_OPTIONS = "-Xms64m -Xmx192m -XX:+UseSerialGC -XX:MinHeapFreeRatio=15 -XX:MaxHeapFreeRatio=40"
            + " -XX:TieredStopAtLevel=1";
    /** glibc's default of 8 malloc arenas per core holds on to native memory the JVM's threads freed. */
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private static final Duration RECORDING_STOP_GRACE = Duration.ofSeconds(120);
    private final Path archives;

    ServiceJvm(Path runDir) {
        this.archives = runDir.resolve("cds");
    }

    public static String options() {
        return System.getenv().getOrDefault("HL_SERVICE_JAVA_OPTS", DEFAULT_OPTIONS);
    }

    /** The command that starts {@code service} from its {@code runner} jar. */
    List<String> command(ServiceSpec service, Path runner) throws IOException {
        Files.createDirectories(archives);
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable()));
        command.addAll(List.of(options().split("\\s+")));
        // The archive's own notes (thousands of classes it skips when recording) are not the service's log.
        command.add("-Xlog:cds=error");
        Path archive = archive(service);
        Files.deleteIfExists(recording(service));
        if (Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(newestFile(runner.getParent())) > 0) {
            command.add("-XX:SharedArchiveFile=" + archive);
        } else {
            Files.deleteIfExists(archive);
            command.add("-XX:ArchiveClassesAtExit=" + recording(service));
        }
        command.addAll(List.of("-jar", runner.toString()));
        return command;
    }

    /**
     * After {@code service} stopped: a recording it wrote on a gentle stop becomes its archive; one cut short by a
     * kill is dropped.
     */
    void stopped(ServiceSpec service, boolean gently) throws IOException {
        Path recording = recording(service);
        if (gently && Files.exists(recording) && Files.size(recording) > 0) {
            Files.move(recording, archive(service), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.deleteIfExists(recording);
        }
    }

    /**
     * How long a gentle stop of {@code service} may take: a service recording its archive writes it after it stopped
     * (about 13 s for hazard-service on a quiet machine here, more on a busy one), and a kill would throw it away.
     */
    Duration stopGrace(ServiceSpec service, Duration grace) {
        return Files.exists(archive(service)) ? grace : RECORDING_STOP_GRACE;
    }

    private Path archive(ServiceSpec service) {
        return archives.resolve(service.module() + ".jsa");
    }

    private Path recording(ServiceSpec service) {
        return archives.resolve(service.module() + ".jsa.recording");
    }

    private static FileTime newestFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(file -> {
                try {
                    return Files.getLastModifiedTime(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        }
    }
}
