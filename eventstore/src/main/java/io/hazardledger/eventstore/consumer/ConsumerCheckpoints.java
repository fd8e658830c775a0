package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.UUID;

/**
 * A consumer's bookkeeping, always written in the transaction of the change it describes: the last version
 * applied per aggregate, the Kafka offset reached per partition, and the version gaps seen.
 */
@ApplicationScoped
public class ConsumerCheckpoints {
    // One round trip: serialise this consumer's work on this aggregate, then read what holds it back and how far it got.
    private static final String GUARD = """
            SELECT (SELECT count(*) FROM es_dead_letter d WHERE d.consumer = :consumer AND d.aggregate_id = :aggregate
                        AND d.status IN ('PARKED', 'WAITING')) AS held,
                   coalesce((SELECT s.last_version FROM es_consumer_stream s
                             WHERE s.consumer = :consumer AND s.aggregate_id = :aggregate), 0) AS last_version
            FROM (SELECT pg_advisory_xact_lock(hashtextextended(:lockKey, 0))) AS serialised""";
    private static final String APPLIED = """
            WITH stream AS (
                INSERT INTO es_consumer_stream (consumer, aggregate_id, last_version) VALUES (:consumer, :aggregate, :version)
                ON CONFLICT (consumer, aggregate_id) DO UPDATE
                    SET last_version = excluded.last_version, updated_at = clock_timestamp())
            """ + OffsetSql.UPSERT;
    private static final String OFFSET = OffsetSql.UPSERT;
    private static final String GAP = """
            INSERT INTO es_consumer_gap (consumer, aggregate_id, expected_version, received_version, event_id)
            VALUES (:consumer, :aggregate, :expected, :received, :eventId)""";

    /** Holds for the rest of the transaction this consumer's lock on the aggregate, then reads its state. */
    public Uni<Guard> lockAndRead(Mutiny.Session session, String consumer, UUID aggregateId) {
        return session.createNativeQuery(GUARD, Object[].class)
                .setParameter("consumer", consumer)
                .setParameter("aggregate", aggregateId)
                .setParameter("lockKey", consumer + '/' + aggregateId)
                .getSingleResult()
                .map(row -> new Guard(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }

    public Uni<Void> applied(Mutiny.Session session, String consumer, IncomingRecord record, EventEnvelope event) {
        return OffsetSql.bind(session.<Object>createNativeQuery(APPLIED), consumer, record)
                .setParameter("aggregate", event.aggregateId())
                .setParameter("version", event.aggregateVersion())
                .executeUpdate().replaceWithVoid();
    }

    public Uni<Void> offset(Mutiny.Session session, String consumer, IncomingRecord record) {
        return OffsetSql.bind(session.<Object>createNativeQuery(OFFSET), consumer, record).executeUpdate().replaceWithVoid();
    }

    public Uni<Void> gap(Mutiny.Session session, String consumer, EventEnvelope event, long expected) {
        return session.createNativeQuery(GAP)
                .setParameter("consumer", consumer)
                .setParameter("aggregate", event.aggregateId())
                .setParameter("expected", expected)
                .setParameter("received", event.aggregateVersion())
                .setParameter("eventId", event.eventId())
                .executeUpdate().replaceWithVoid();
    }

    /** What stands before applying an event: open dead letters of its aggregate, and the last version applied. */
    public record Guard(long heldBehind, long lastVersion) {
    }

    /** The offset checkpoint; it only moves forward, as a retried dead letter comes from further back. */
    private static final class OffsetSql {
        static final String UPSERT = """
                INSERT INTO es_consumer_offset (consumer, topic, partition, next_offset)
                VALUES (:consumer, :topic, :partition, :nextOffset)
                ON CONFLICT (consumer, topic, partition) DO UPDATE
                    SET next_offset = greatest(es_consumer_offset.next_offset, excluded.next_offset),
                        updated_at = clock_timestamp()""";

        static Mutiny.Query<Object> bind(Mutiny.Query<Object> query, String consumer, IncomingRecord record) {
            return query.setParameter("consumer", consumer)
                    .setParameter("topic", record.topic())
                    .setParameter("partition", record.partition())
                    .setParameter("nextOffset", record.offset() + 1);
        }
    }
}
