package io.hazardledger.reporting.persistence;

import io.hazardledger.reporting.persistence.NamedQuery.Bindings;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NamedQueryTest {

    @Test
    void namesBecomePositionsAndANameUsedTwiceIsOneParameter() {
        NamedQuery query = NamedQuery.of("SELECT 1 FROM t WHERE a >= :from AND (CAST(:district AS varchar) IS NULL"
                + " OR d = :district) AND b < :to");

        assertEquals("SELECT 1 FROM t WHERE a >= $1 AND (CAST($2 AS varchar) IS NULL OR d = $2) AND b < $3", query.sql());
        assertEquals(List.of("from", "district", "to"), query.names());
    }

    @Test
    void castsAndQuotedTextKeepTheirColons() {
        NamedQuery query = NamedQuery.of("SELECT x::text, ':not' AS \":nor\" FROM t WHERE y = :g");

        assertEquals("SELECT x::text, ':not' AS \":nor\" FROM t WHERE y = $1", query.sql());
        assertEquals(List.of("g"), query.names());
    }

    @Test
    void bindingsFillThePositionsInOrderWithNullsAndInstantsAsUtcDateTimes() {
        Instant at = Instant.parse("2026-03-01T00:00:00Z");
        Tuple tuple = new Bindings().set("to", at).set("district", null).set("from", 7L)
                .tuple(List.of("from", "district", "to"));

        assertEquals(3, tuple.size());
        assertEquals(7L, tuple.getValue(0));
        assertNull(tuple.getValue(1));
        assertEquals(OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC), tuple.getValue(2));
    }

    @Test
    void aNameWithoutAValueIsRefused() {
        Bindings bindings = new Bindings().set("from", 1);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> bindings.tuple(List.of("from", "to")));
        assertEquals("No value bound for :to", refused.getMessage());
    }
}
