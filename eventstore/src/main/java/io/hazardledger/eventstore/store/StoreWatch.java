package io.hazardledger.eventstore.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges of the store's health, read from PostgreSQL every few seconds:
 * <ul>
 * <li>{@code eventstore_oldest_open_transaction_seconds} and {@code eventstore_oldest_open_transaction_alert} (1
 *     past the threshold): the {@link EventFeed} waits for the oldest open transaction of the whole PostgreSQL
 *     server (transaction ids are server-wide), so one left open in any database holds every reader back;</li>
 * <li>{@code eventstore_outbox_backlog} and {@code eventstore_outbox_oldest_seconds}: events not yet on Kafka;</li>
 * <li>{@code eventstore_dead_letters_open}: events parked or waiting behind a parked one.</li>
 * </ul>
 */
@ApplicationScoped
public class StoreWatch {
    private static final Logger LOG = Logger.getLogger(StoreWatch.class);
    private static final String READ = """
            SELECT (SELECT coalesce(extract(epoch FROM clock_timestamp() - min(xact_start)), 0)::bigint
                    FROM pg_stat_activity WHERE backend_xid IS NOT NULL) AS oldest_transaction,
                   (SELECT count(*) FROM es_outbox WHERE published_at IS NULL) AS backlog,
                   (SELECT coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)::bigint
                    FROM es_outbox WHERE published_at IS NULL) AS backlog_age,
                   (SELECT count(*) FROM es_dead_letter WHERE status IN ('PARKED', 'WAITING')) AS dead_letters""";

    private final AtomicLong oldestTransaction = new AtomicLong();
    private final AtomicLong alert = new AtomicLong();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong backlogAge = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "eventstore.open-transaction.alert-after", defaultValue = "60s")
    Duration alertAfter;
    @ConfigProperty(name = "eventstore.watch.every", defaultValue = "5s")
    Duration every;

    void start(@Observes StartupEvent event) {
        registry.gauge("eventstore.oldest.open.transaction.seconds", oldestTransaction);
        registry.gauge("eventstore.oldest.open.transaction.alert", alert);
        registry.gauge("eventstore.outbox.backlog", backlog);
        registry.gauge("eventstore.outbox.oldest.seconds", backlogAge);
        registry.gauge("eventstore.dead.letters.open", deadLetters);
        vertx.setPeriodic(every.toMillis(), id -> read());
    }

    private void read() {
        pool.query(READ).execute().subscribe().with(rows -> {
            Row row = rows.iterator().next();
            long oldest = row.getLong("oldest_transaction");
            oldestTransaction.set(oldest);
            backlog.set(row.getLong("backlog"));
            backlogAge.set(row.getLong("backlog_age"));
            deadLetters.set(row.getLong("dead_letters"));
            boolean over = oldest > alertAfter.toSeconds();
            if (over && alert.getAndSet(1) == 0) {
                LOG.warnf("A transaction has been open for %d s: event feed readers wait behind it", oldest);
            } else if (!over) {
                alert.set(0);
            }
        }, failure -> LOG.debugf("Store watch could not read: %s", failure.getMessage()));
    }
}
