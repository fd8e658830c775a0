package io.hazardledger.eventstore.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link EventFeed} waits for the oldest open transaction, so one transaction left open holds every reader
 * back. This watch publishes the age of the oldest transaction that has written something
 * ({@code eventstore_oldest_open_transaction_seconds}) and whether it passed the alert threshold
 * ({@code eventstore_oldest_open_transaction_alert}, 1 or 0), and logs a warning when it does.
 */
@ApplicationScoped
public class OpenTransactionWatch {
    private static final Logger LOG = Logger.getLogger(OpenTransactionWatch.class);
    private static final String OLDEST = """
            SELECT coalesce(extract(epoch FROM clock_timestamp() - min(xact_start)), 0)::bigint AS seconds
            FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND datname = current_database()""";

    private final AtomicLong oldestSeconds = new AtomicLong();
    private final AtomicLong alert = new AtomicLong();

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "eventstore.open-transaction.alert-after", defaultValue = "60s")
    Duration alertAfter;
    @ConfigProperty(name = "eventstore.open-transaction.check-every", defaultValue = "10s")
    Duration checkEvery;

    void start(@Observes StartupEvent event) {
        registry.gauge("eventstore.oldest.open.transaction.seconds", oldestSeconds);
        registry.gauge("eventstore.oldest.open.transaction.alert", alert);
        vertx.setPeriodic(checkEvery.toMillis(), id -> check());
    }

    void check() {
        pool.query(OLDEST).execute().subscribe().with(rows -> {
            long seconds = rows.iterator().next().getLong("seconds");
            oldestSeconds.set(seconds);
            boolean over = seconds > alertAfter.toSeconds();
            if (over && alert.getAndSet(1) == 0) {
                LOG.warnf("A transaction has been open for %d s: event feed readers wait behind it", seconds);
            } else if (!over) {
                alert.set(0);
            }
        }, failure -> LOG.debugf("Open-transaction check failed: %s", failure.getMessage()));
    }
}
