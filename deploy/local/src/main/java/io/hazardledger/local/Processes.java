package io.hazardledger.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Starting and stopping the stack's processes: detached, logging to files, stopped gently then forcibly. */
public final class Processes {
    private Processes() {
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts a process that outlives this JVM, stdin closed, stdout and stderr appended to {@code log}. */
    public static Process startDetached(List<String> command, Path log, Map<String, String> environment) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** SIGTERM, then SIGKILL after {@code grace}; waits until the process is gone. True: it ended within the grace. */
    public static boolean stop(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception timeoutOrInterrupt) {
            process.destroyForcibly();
            process.onExit().join();
            return false;
        }
    }

    /**
     * Stops the processes named by {@code pidFiles} together (SIGTERM to all first), removing the files. Returns the
     * pid files whose processes ended within the grace.
     */
    public static Set<Path> stopAll(List<Path> pidFiles, Duration grace) throws IOException {
        Map<Path, ProcessHandle> running = new LinkedHashMap<>();
        for (Path pidFile : pidFiles) {
            if (Files.exists(pidFile)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(p -> running.put(pidFile, p));
            }
        }
        running.values().forEach(ProcessHandle::destroy);
        Set<Path> gently = new HashSet<>();
        running.forEach((pidFile, process) -> {
            if (stop(process, grace)) {
                gently.add(pidFile);
            }
        });
        for (Path pidFile : pidFiles) {
            Files.deleteIfExists(pidFile);
        }
        return gently;
    }

    /** Kills the process whose id is in {@code pidFile} at once (SIGKILL), waits until it is gone, removes the file. */
    public static boolean killByPidFile(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
        process.ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
        Files.deleteIfExists(pidFile);
        return process.isPresent();
    }

    /** Stops the process whose id is in {@code pidFile}, if it still runs, and removes the file. */
    public static boolean stopByPidFile(Path pidFile, Duration grace) throws IOException {
        if (!Files.exists(pidFile)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
        process.ifPresent(p -> stop(p, grace));
        Files.deleteIfExists(pidFile);
        return process.isPresent();
    }
}
