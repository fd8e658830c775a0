package io.hazardledger.eventstore.store;

import io.vertx.pgclient.PgException;

import java.sql.SQLException;

/** Recognises PostgreSQL errors through the wrappers Hibernate Reactive puts around them. */
public final class PgErrors {
    private static final String UNIQUE_VIOLATION = "23505";

    private PgErrors() {
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
