package io.hazardledger.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceJvmTest {
    private static final ServiceSpec HAZARD = ServiceSpec.ALL.get(2);

    @Test
    void aFirstStartRecordsAnArchiveThatAGentleStopMakesTheNextStartsUse(@TempDir Path dir) throws Exception {
        Path runner = build(dir, Instant.parse("2026-12-01T00:00:00Z"));
        ServiceJvm jvm = new ServiceJvm(dir.resolve("run"));

        List<String> first = jvm.command(HAZARD, runner);
        Path recording = dir.resolve("run/cds/hazard-service.jsa.recording");
        assertTrue(first.contains("-XX:ArchiveClassesAtExit=" + recording), first.toString());
        assertEquals(List.of("-jar", runner.toString()), first.subList(first.size() - 2, first.size()));

        Files.writeString(recording, "archive"); // what the JVM writes at exit
        jvm.stopped(HAZARD, true);

        List<String> second = jvm.command(HAZARD, runner);
        assertTrue(second.contains("-XX:SharedArchiveFile=" + dir.resolve("run/cds/hazard-service.jsa")), second.toString());
        assertTrue(second.stream().noneMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit")), second.toString());
    }

    @Test
    void aRecordingCutShortByAKillIsDropped(@TempDir Path dir) throws Exception {
        Path runner = build(dir, Instant.parse("2026-12-01T00:00:00Z"));
        ServiceJvm jvm = new ServiceJvm(dir.resolve("run"));
        jvm.command(HAZARD, runner);
        Path recording = dir.resolve("run/cds/hazard-service.jsa.recording");
        Files.writeString(recording, "half an archive");

        jvm.stopped(HAZARD, false);

        assertFalse(Files.exists(recording));
        assertFalse(Files.exists(dir.resolve("run/cds/hazard-service.jsa")));
        assertTrue(jvm.command(HAZARD, runner).contains("-XX:ArchiveClassesAtExit=" + recording));
    }

    @Test
    void aRebuiltServiceRecordsItsArchiveAgain(@TempDir Path dir) throws Exception {
        Path runner = build(dir, Instant.parse("2026-12-01T00:00:00Z"));
        ServiceJvm jvm = new ServiceJvm(dir.resolve("run"));
        jvm.command(HAZARD, runner);
        Files.writeString(dir.resolve("run/cds/hazard-service.jsa.recording"), "archive");
        jvm.stopped(HAZARD, true);
        Path archive = dir.resolve("run/cds/hazard-service.jsa");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-12-01T01:00:00Z")));

        // A library of the service changed after the archive was recorded: the JVM would refuse the archive.
        Files.setLastModifiedTime(runner.resolveSibling("lib/main/eventstore.jar"), FileTime.from(Instant.parse("2026-12-01T02:00:00Z")));

        List<String> command = jvm.command(HAZARD, runner);
        assertTrue(command.contains("-XX:ArchiveClassesAtExit=" + dir.resolve("run/cds/hazard-service.jsa.recording")),
                command.toString());
        assertFalse(Files.exists(archive));
    }

    /** A packaged service as Quarkus leaves it: the runner and its libraries, all built at {@code at}. */
    private static Path build(Path dir, Instant at) throws Exception {
        Path app = Files.createDirectories(dir.resolve("hazard-service/target/quarkus-app"));
        Path runner = Files.writeString(app.resolve("quarkus-run.jar"), "runner");
        Path lib = Files.writeString(Files.createDirectories(app.resolve("lib/main")).resolve("eventstore.jar"), "lib");
        for (Path file : List.of(runner, lib)) {
            Files.setLastModifiedTime(file, FileTime.from(at));
        }
        return runner;
    }
}
