package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.eventstore.store.UuidList;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A consumer's bookkeeping, always written in the transaction of the change it describes: the last version
 * applied per aggregate, the Kafka offset reached per partition, and the version gaps seen. Lists travel as one
 * text parameter each ({@link UuidList}), so a batch costs the same few statements whatever its size.
 */
@ApplicationScoped
public class ConsumerCheckpoints {
    private static final String UUIDS = UuidList.array("aggregates");
    private static final String LOCK = "SELECT CAST(pg_advisory_xact_lock(hashtextextended(:lockKey, 0)) AS text)";
    // A statement of its own after the lock, so that its snapshot sees what the previous holder committed. OFFSET 0
    // keeps the subquery whole: flattened, the filter and the select list each looked every version up.
    // An aggregate whose version the handler keeps (OwnVersions) is only looked up for dead letters. With none such,
    // the flags are an empty array, which unnest pads with nulls: no list of "f" built for every batch.
    private static final String STATE = """
            SELECT * FROM (SELECT CAST(a.id AS text),
                   CASE WHEN a.own THEN 0 ELSE coalesce((SELECT s.last_version FROM es_consumer_stream s
                             WHERE s.consumer = :consumer AND s.aggregate_id = a.id), 0) END AS last_version,
                   (SELECT count(*) FROM es_dead_letter d WHERE d.consumer = :consumer AND d.aggregate_id = a.id
                        AND d.status IN ('PARKED', 'WAITING')) AS held
            FROM unnest(""" + UUIDS + """
            , CAST(string_to_array(:own, ',') AS boolean[])) AS a (id, own) OFFSET 0) known
            WHERE last_version > 0 OR held > 0""";
    // Compare and set: a version is recorded only over the one read, so a change made meanwhile by a transaction
    // that did not hold the partition's lock is noticed (the count falls short) instead of overwritten.
    private static final String APPLIED = """
            WITH v AS (
                SELECT * FROM unnest(""" + UUIDS + """
            , CAST(string_to_array(:expected, ',') AS bigint[]), CAST(string_to_array(:versions, ',') AS bigint[]))
                    AS v (id, expected, version)),
            moved AS (
                UPDATE es_consumer_stream s SET last_version = v.version, updated_at = clock_timestamp() FROM v
                WHERE v.expected > 0 AND s.consumer = :consumer AND s.aggregate_id = v.id AND s.last_version = v.expected
                RETURNING 1),
            started AS (
                INSERT INTO es_consumer_stream (consumer, aggregate_id, last_version)
                SELECT :consumer, v.id, v.version FROM v WHERE v.expected = 0 ORDER BY v.id
                ON CONFLICT (consumer, aggregate_id) DO NOTHING
                RETURNING 1),
            reached AS (""" + OffsetSql.UPSERT + """
            )
            SELECT (SELECT count(*) FROM moved) + (SELECT count(*) FROM started)""";
    private static final String GAP = """
            INSERT INTO es_consumer_gap (consumer, aggregate_id, expected_version, received_version, event_id)
            VALUES (:consumer, :aggregate, :expected, :received, :eventId)""";

    /** What stands before applying events of an aggregate: the last version applied, and open dead letters. */
    public record Stream(long lastVersion, long heldBehind) {
        static final Stream NEW = new Stream(0, 0);
    }

    /**
     * Serialises this consumer's work on the records' partitions until the transaction ends (an aggregate's events
     * all travel in one partition), then reads the state of the aggregates: of those in {@code own}, whose versions
     * the handler keeps, only their dead letters.
     */
    public Uni<Map<UUID, Stream>> lockAndRead(Mutiny.Session session, String consumer, List<IncomingRecord> records,
                                              Collection<UUID> aggregates, Set<UUID> own) {
        Uni<Void> locked = Uni.createFrom().voidItem();
        for (String partition : new TreeSet<>(records.stream().map(r -> r.topic() + '/' + r.partition()).toList())) {
            locked = locked.chain(() -> session.createNativeQuery(LOCK, String.class)
                    .setParameter("lockKey", consumer + '/' + partition).getSingleResult().replaceWithVoid());
        }
        return locked.chain(() -> session.createNativeQuery(STATE, Object[].class)
                .setParameter("consumer", consumer)
                .setParameter("aggregates", UuidList.text(aggregates))
                .setParameter("own", own.isEmpty() ? "" : aggregates.stream().map(id -> own.contains(id) ? "t" : "f")
                        .collect(Collectors.joining(",")))
                .getResultList()
                .map(rows -> {
                    Map<UUID, Stream> streams = new HashMap<>(rows.size() * 2);
                    for (Object[] row : rows) {
                        streams.put(UUID.fromString((String) row[0]),
                                new Stream(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
                    }
                    return streams;
                }));
    }

    /**
     * Records the versions the aggregates advanced to from the versions read by {@link #lockAndRead} (fails with
     * {@link CheckpointMoved} when one was changed meanwhile) and, per partition, the offset after the last record.
     */
    public Uni<Void> applied(Mutiny.Session session, String consumer, Map<UUID, long[]> advanced,
                             List<IncomingRecord> records) {
        Map<String, IncomingRecord> lastPerPartition = new TreeMap<>();
        for (IncomingRecord record : records) {
            lastPerPartition.merge(record.topic() + '/' + record.partition(), record,
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        StringJoiner ids = new StringJoiner(",");
        StringJoiner expected = new StringJoiner(",");
        StringJoiner reached = new StringJoiner(",");
        advanced.forEach((aggregate, versions) -> {
            ids.add(aggregate.toString());
            expected.add(String.valueOf(versions[0]));
            reached.add(String.valueOf(versions[1]));
        });
        Uni<Void> chain = Uni.createFrom().voidItem();
        boolean first = true;
        for (IncomingRecord last : lastPerPartition.values()) {
            // The versions are recorded once, with the first partition's offset (a batch normally holds one partition).
            int count = first ? advanced.size() : 0;
            first = false;
            chain = chain.chain(() -> session.createNativeQuery(APPLIED, Long.class)
                    .setParameter("consumer", consumer)
                    .setParameter("topic", last.topic())
                    .setParameter("partition", last.partition())
                    .setParameter("nextOffset", last.offset() + 1)
                    .setParameter("aggregates", count == 0 ? "" : ids.toString())
                    .setParameter("expected", count == 0 ? "" : expected.toString())
                    .setParameter("versions", count == 0 ? "" : reached.toString())
                    .getSingleResult()
                    .invoke(recorded -> {
                        if (recorded != count) {
                            throw new CheckpointMoved(consumer, count, recorded.intValue());
                        }
                    })
                    .replaceWithVoid());
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
