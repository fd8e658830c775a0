package io.hazardledger.benchmarks;

import io.hazardledger.local.PostgresServer;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;

/**
 * The raw PostgreSQL rate for the writes a command makes (its event and outbox row in one transaction), by
 * {@link PgBenchRun} on a scratch database with the event store's own schema, dropped afterwards. A database of its
 * own, because rows in a service's outbox would be published by its relay.
 */
final class PgBenchBaseline {
    private PgBenchBaseline() {
    }

    static Result run(PostgresServer server, String database, Path workDir, int clients, Duration warmup,
                      Duration duration) throws Exception {
        server.createDatabaseIfMissing(database);
        try {
            BenchmarkDatabase target = new BenchmarkDatabase(server.jdbcUrl(database), server.user(), server.password());
            Flyway.configure().dataSource(target.jdbcUrl(), target.user(), target.password())
                    .locations("classpath:db/eventstore").load().migrate();
            try (Connection monitor = target.connect()) {
                PgBenchRun pgbench = new PgBenchRun(target, workDir, new UsageProbe(monitor));
                return pgbench.run("pgbench · event + outbox row per transaction", clients,
                        () -> BenchmarkDatabase.number(monitor, "SELECT count(*) FROM es_event"), warmup, duration);
            }
        } finally {
            server.dropDatabase(database);
        }
    }
}
