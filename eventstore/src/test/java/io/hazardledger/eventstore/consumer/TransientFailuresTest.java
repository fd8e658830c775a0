package io.hazardledger.eventstore.consumer;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransientFailuresTest {

    @Test
    void aDatabaseThatCannotBeReachedOrWentAwayIsTransient() {
        assertTrue(TransientFailures.isTransient(new ConnectException("Connection refused")));
        assertTrue(TransientFailures.isTransient(new CompletionException(ClosedConnectionException.INSTANCE)));
        assertTrue(TransientFailures.isTransient(new IllegalStateException("wrapped",
                new PgException("terminating connection due to administrator command", "FATAL", "57P01", null))));
        assertTrue(TransientFailures.isTransient(new SQLException("the database system is starting up", "57P03")));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SocketException("Connection reset"))));
        // A connection opened while the server shut down, as the JDK's channel write reports it.
        assertTrue(TransientFailures.isTransient(new java.io.IOException("Connection reset by peer")));
        assertTrue(TransientFailures.isTransient(new CompletionException(new java.io.IOException("Broken pipe"))));
        // A pooled connection the server closed, used before the pool noticed (the SQL client's own words).
        assertTrue(TransientFailures.isTransient(
                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED")));
        assertTrue(TransientFailures.isTransient(new CompletionException(
                new VertxException("Pending requests failed to be sent due to connection has been closed."))));
        // What Hibernate Reactive reports when a transaction and then its rollback failed on a dropped connection.
        assertTrue(TransientFailures.isTransient(new CompositeException(
                new IllegalStateException("Failed to start a transaction"), ClosedConnectionException.INSTANCE)));
    }

    @Test
    void aFailureOfTheEventOrRequestIsNot() {
        assertFalse(TransientFailures.isTransient(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(TransientFailures.isTransient(new SQLException("syntax error", "42601")));
        assertFalse(TransientFailures.isTransient(new CompositeException(new IllegalStateException("a"),
                new IllegalArgumentException("b"))));
        // The service itself shutting down: waiting for the pool to come back would hold the shutdown up.
        assertFalse(TransientFailures.isTransient(new NoStackTraceThrowable("Pool closed")));
        // A body that cannot be read is an IOException too, and never gets better by waiting.
        assertFalse(TransientFailures.isTransient(new java.io.IOException("Unexpected end of input")));
    }

    @Test
    void aCheckpointMovedByAnotherTransactionIsReadAgain() {
        assertTrue(TransientFailures.isTransient(new CheckpointMoved("c", 3, 2)));
    }
}
