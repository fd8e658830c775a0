package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A consumer's bookkeeping, always written in the transaction of the change it describes: the last version
 * applied per aggregate, the Kafka offset reached per partition, and the version gaps seen. Lists of aggregates
 * travel as one comma-separated text parameter each, so a batch costs one statement whatever its size.
 */
@ApplicationScoped
public class ConsumerCheckpoints {
    private static final String UUIDS = "CAST(string_to_array(:aggregates, ',') AS uuid[])";
    // The aggregates' rows, created when missing, locked for the rest of the transaction in the order given (a no-op
    // update takes the row lock), and their last version as it stands once the lock is held.
    private static final String LOCK = """
            INSERT INTO es_consumer_stream AS s (consumer, aggregate_id, last_version)
            SELECT :consumer, a.id, 0 FROM unnest(""" + UUIDS + """
            ) WITH ORDINALITY AS a (id, n) ORDER BY a.n
            ON CONFLICT (consumer, aggregate_id) DO UPDATE SET last_version = s.last_version
            RETURNING CAST(s.aggregate_id AS text), s.last_version""";
    // A statement of its own after the lock: its snapshot then sees a dead letter committed while it waited.
    private static final String HELD = """
            SELECT CAST(d.aggregate_id AS text), count(*) FROM es_dead_letter d
            WHERE d.consumer = :consumer AND d.aggregate_id = ANY(""" + UUIDS + """
            ) AND d.status IN ('PARKED', 'WAITING')
            GROUP BY d.aggregate_id""";
    private static final String APPLIED = """
            WITH stream AS (
                UPDATE es_consumer_stream s SET last_version = v.version, updated_at = clock_timestamp()
                FROM unnest(""" + UUIDS + """
            , CAST(string_to_array(:versions, ',') AS bigint[])) AS v (id, version)
                WHERE s.consumer = :consumer AND s.aggregate_id = v.id)
            """ + OffsetSql.UPSERT;
    private static final String GAP = """
            INSERT INTO es_consumer_gap (consumer, aggregate_id, expected_version, received_version, event_id)
            VALUES (:consumer, :aggregate, :expected, :received, :eventId)""";

    /** Locks the aggregates for this consumer until the transaction ends; the last version applied of each. */
    public Uni<Map<UUID, Long>> lock(Mutiny.Session session, String consumer, List<UUID> aggregates) {
        return session.createNativeQuery(LOCK, Object[].class)
                .setParameter("consumer", consumer)
                .setParameter("aggregates", joined(aggregates))
                .getResultList()
                .map(ConsumerCheckpoints::byAggregate);
    }

    /** How many open dead letters (parked or waiting) hold back each of the aggregates; absent when none. */
    public Uni<Map<UUID, Long>> heldBehind(Mutiny.Session session, String consumer, List<UUID> aggregates) {
        return session.createNativeQuery(HELD, Object[].class)
                .setParameter("consumer", consumer)
                .setParameter("aggregates", joined(aggregates))
                .getResultList()
                .map(ConsumerCheckpoints::byAggregate);
    }

    /**
     * Records the versions the aggregates have advanced to (rows locked by {@link #lock}) and, per partition, the
     * offset after the last of the records.
     */
    public Uni<Void> applied(Mutiny.Session session, String consumer, Map<UUID, Long> versions,
                             List<IncomingRecord> records) {
        Map<String, IncomingRecord> lastPerPartition = new TreeMap<>();
        for (IncomingRecord record : records) {
            lastPerPartition.merge(record.topic() + '/' + record.partition(), record,
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        boolean first = true;
        for (IncomingRecord last : lastPerPartition.values()) {
            Map<UUID, Long> advanced = first ? versions : Map.of();
            first = false;
            chain = chain.chain(() -> OffsetSql.bind(session.<Object>createNativeQuery(APPLIED), consumer, last)
                    .setParameter("aggregates", joined(advanced.keySet()))
                    .setParameter("versions", advanced.values().stream().map(String::valueOf)
                            .collect(Collectors.joining(",")))
                    .executeUpdate().replaceWithVoid());
        }
        return chain;
    }

    public Uni<Void> offset(Mutiny.Session session, String consumer, IncomingRecord record) {
        return OffsetSql.bind(session.<Object>createNativeQuery(OffsetSql.UPSERT), consumer, record).executeUpdate()
                .replaceWithVoid();
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

    private static String joined(Collection<UUID> aggregates) {
        return aggregates.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    private static Map<UUID, Long> byAggregate(List<Object[]> rows) {
        Map<UUID, Long> values = new HashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            values.put(UUID.fromString((String) row[0]), ((Number) row[1]).longValue());
        }
        return values;
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
