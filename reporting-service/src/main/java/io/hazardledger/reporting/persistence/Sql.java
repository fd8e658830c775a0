package io.hazardledger.reporting.persistence;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Runs one native statement with positional-free named parameters given as name/value pairs. */
final class Sql {
    private Sql() {
    }

    static Uni<Integer> update(Mutiny.Session session, String sql, Object... namesAndValues) {
        var statement = session.createNativeQuery(sql);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            statement.setParameter((String) namesAndValues[i], bindable(namesAndValues[i + 1]));
        }
        return statement.executeUpdate();
    }

    /** Instants travel as UTC offset date-times, which the reactive driver maps to timestamptz. */
    static Object bindable(Object value) {
        return value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        return (Instant) value;
    }
}
