package io.hazardledger.eventstore.consumer;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.io.IOException;
import java.net.SocketException;
import java.util.Locale;
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
            // SocketException: one reset by the server going down (ConnectException: refused).
            if (t instanceof CheckpointMoved) {
                return true;
            }
            if (t instanceof SocketException || t instanceof TimeoutException || t instanceof ClosedConnectionException
                    || t instanceof io.smallrye.mutiny.TimeoutException || isClosedConnection(t) || isDroppedSocket(t)) {
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

    /**
     * A socket the server dropped, as the JDK's channel writes report it: a plain IOException, "Connection reset by
     * peer" or "Broken pipe" (a connection opened while the database shut down). Not any IOException: a request body
     * that cannot be read is one too.
     */
    private static boolean isDroppedSocket(Throwable t) {
        if (!(t instanceof IOException) || t.getMessage() == null) {
            return false;
        }
        String message = t.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("connection reset") || message.contains("broken pipe");
    }

    /**
     * The SQL client's word for a pooled connection the server closed, handed out or written to before the pool
     * noticed: "Connection is not active now, current status: CLOSED", "Pending requests failed to be sent due to
     * connection has been closed." (NoStackTraceThrowable or VertxException). Not the pool's own "Pool closed": that
     * is this service shutting down, and waiting would hold it up.
     */
    private static boolean isClosedConnection(Throwable t) {
        if (!(t instanceof NoStackTraceThrowable || t instanceof VertxException) || t.getMessage() == null) {
            return false;
        }
        String message = t.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("connection") && (message.contains("closed") || message.contains("not active"));
    }
}
