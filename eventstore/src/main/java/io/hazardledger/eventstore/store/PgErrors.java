package io.hazardledger.eventstore.store;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.net.ConnectException;
import java.sql.SQLException;

/** Recognises PostgreSQL errors through the wrappers Hibernate Reactive puts around them. */
public final class PgErrors {
    private static final String UNIQUE_VIOLATION = "23505";

    private PgErrors() {
    }

    /**
     * Whether {@code failure} means the database cannot be reached right now rather than that the request is wrong:
     * no connection (refused), a connection lost under way, or the server shutting down or starting up (SQLSTATE
     * classes 08 and 57P). Retrying later may succeed.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException) {
                return true;
            }
            String state = t instanceof PgException pg ? pg.getSqlState() : t instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code failure} is a unique violation of the named constraint. */
    public static boolean isUniqueViolation(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    && constraint.equals(pg.getConstraint())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException hibernate
                    && constraint.equals(hibernate.getConstraintName())) {
                return true;
            }
            // Hibernate Reactive reports some violations as a plain SQLException naming the constraint.
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains('"' + constraint + '"')) {
                return true;
            }
        }
        return false;
    }
}
