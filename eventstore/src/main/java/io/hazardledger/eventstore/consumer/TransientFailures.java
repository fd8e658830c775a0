package io.hazardledger.eventstore.consumer;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure of the infrastructure (the database unreachable, a connection dropped, a deadlock) from a
 * failure of the event itself. The first is waited out; only the second makes an event a dead letter.
 */
public final class TransientFailures {
    // Connection exceptions, insufficient resources, operator intervention, transaction rollbacks (deadlock, serialization).
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "53", "57", "40");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // ClosedConnectionException: a connection lost under way ("Failed to read any response from the server").
            // Not the pool's own "Pool closed": that is this service shutting down, and waiting would hold it up.
            if (t instanceof ConnectException || t instanceof TimeoutException || t instanceof ClosedConnectionException
                    || t instanceof io.smallrye.mutiny.TimeoutException
                    || t instanceof io.vertx.core.VertxException && String.valueOf(t.getMessage()).contains("closed")) {
                return true;
            }
            // A failed transaction whose rollback failed too arrives as both failures together.
            if (t instanceof CompositeException composite && composite.getCauses().stream().anyMatch(TransientFailures::isTransient)) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && TRANSIENT_SQL_CLASSES.contains(pg.getSqlState().substring(0, 2))) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && TRANSIENT_SQL_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }
}
