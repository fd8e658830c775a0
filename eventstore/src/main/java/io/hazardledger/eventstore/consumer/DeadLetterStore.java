package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The rows of es_dead_letter, read and written in the caller's session. */
@ApplicationScoped
public class DeadLetterStore {
    private static final String COLUMNS = """
            id, consumer, topic, partition, record_offset, record_key, aggregate_id, aggregate_version, event_type,
            value, status, reason, created_at, resolved_at""";
    private static final String INSERT = """
            INSERT INTO es_dead_letter (consumer, topic, partition, record_offset, record_key, aggregate_id,
                                        aggregate_version, event_type, value, status, reason)
            VALUES (:consumer, :topic, :partition, :offset, cast(:key AS text), cast(:aggregate AS uuid),
                    cast(:version AS bigint), cast(:type AS text), :value, :status, :reason)""";
    private static final String FIND = "SELECT " + COLUMNS + " FROM es_dead_letter WHERE id = :id";
    private static final String NEXT_OPEN = "SELECT " + COLUMNS + " FROM es_dead_letter"
            + " WHERE consumer = :consumer AND aggregate_id = :aggregate AND status IN ('PARKED', 'WAITING')"
            + " ORDER BY id LIMIT 1";
    private static final String RESOLVE = """
            UPDATE es_dead_letter SET status = :status, resolved_at = clock_timestamp()
            WHERE id = :id AND status IN ('PARKED', 'WAITING')""";
    private static final String PARK_AGAIN = "UPDATE es_dead_letter SET status = 'PARKED', reason = :reason WHERE id = :id";

    public Uni<Void> insert(Mutiny.Session session, String consumer, IncomingRecord record, EventEnvelope event,
                            String status, String reason) {
        return session.createNativeQuery(INSERT)
                .setParameter("consumer", consumer)
                .setParameter("topic", record.topic())
                .setParameter("partition", record.partition())
                .setParameter("offset", record.offset())
                .setParameter("key", record.key())
                .setParameter("aggregate", event == null ? null : event.aggregateId())
                .setParameter("version", event == null ? null : event.aggregateVersion())
                .setParameter("type", event == null ? null : event.type())
                .setParameter("value", record.value())
                .setParameter("status", status)
                .setParameter("reason", reason)
                .executeUpdate().replaceWithVoid();
    }

    public Uni<DeadLetter> find(Mutiny.Session session, long id) {
        return session.createNativeQuery(FIND, Object[].class).setParameter("id", id)
                .getSingleResultOrNull().map(row -> row == null ? null : toLetter(row));
    }

    /** The oldest unresolved letter of an aggregate: the head of its line. */
    public Uni<DeadLetter> nextOpen(Mutiny.Session session, String consumer, UUID aggregateId) {
        return session.createNativeQuery(NEXT_OPEN, Object[].class)
                .setParameter("consumer", consumer).setParameter("aggregate", aggregateId)
                .getSingleResultOrNull().map(row -> row == null ? null : toLetter(row));
    }

    public Uni<List<DeadLetter>> list(Mutiny.Session session, String status, String consumer, int page, int size) {
        String sql = "SELECT " + COLUMNS + " FROM es_dead_letter WHERE (cast(:status AS text) IS NULL OR status = :status)"
                + " AND (cast(:consumer AS text) IS NULL OR consumer = :consumer) ORDER BY id";
        return session.createNativeQuery(sql, Object[].class)
                .setParameter("status", status).setParameter("consumer", consumer)
                .setFirstResult(page * size).setMaxResults(size)
                .getResultList().map(rows -> rows.stream().map(DeadLetterStore::toLetter).toList());
    }

    public Uni<Boolean> resolve(Mutiny.Session session, long id, String status) {
        return session.createNativeQuery(RESOLVE).setParameter("id", id).setParameter("status", status)
                .executeUpdate().map(updated -> updated == 1);
    }

    public Uni<Void> parkAgain(Mutiny.Session session, long id, String reason) {
        return session.createNativeQuery(PARK_AGAIN).setParameter("id", id).setParameter("reason", reason)
                .executeUpdate().replaceWithVoid();
    }

    private static DeadLetter toLetter(Object[] r) {
        return new DeadLetter(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                ((Number) r[4]).longValue(), (String) r[5], (UUID) r[6], r[7] == null ? null : ((Number) r[7]).longValue(),
                (String) r[8], (String) r[9], (String) r[10], (String) r[11], instant(r[12]), instant(r[13]));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return (Instant) value;
    }
}
