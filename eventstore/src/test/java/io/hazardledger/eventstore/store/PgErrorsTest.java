package io.hazardledger.eventstore.store;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PgErrorsTest {

    @Test
    void aDatabaseThatCannotBeReachedIsUnavailable() {
        assertTrue(PgErrors.isUnavailable(new ConnectException("Connection refused")));
        assertTrue(PgErrors.isUnavailable(new CompletionException(ClosedConnectionException.INSTANCE)));
        assertTrue(PgErrors.isUnavailable(new IllegalStateException("wrapped",
                new PgException("terminating connection due to administrator command", "FATAL", "57P01", null))));
        assertTrue(PgErrors.isUnavailable(new SQLException("the database system is starting up", "57P03")));
        assertTrue(PgErrors.isUnavailable(new SQLException("connection failure", "08006")));
    }

    @Test
    void aFailingRequestIsNotAnOutage() {
        assertFalse(PgErrors.isUnavailable(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(PgErrors.isUnavailable(new SQLException("syntax error", "42601")));
        assertFalse(PgErrors.isUnavailable(new IllegalStateException("no cause")));
    }
}
