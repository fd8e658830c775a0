package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.eventstore.store.UuidList;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A consumer for tests that keeps the versions of the aggregates of district {@link #OWN_DISTRICT} in a table of its
 * own ({@code test_own_version}, made by the test), as {@link OwnVersions} asks; the others' in es_consumer_stream.
 */
@ApplicationScoped
public class OwnVersionsHandler implements EventHandler, OwnVersions {
    static final String OWN_DISTRICT = "370100";
    static final String TABLE = "CREATE TABLE IF NOT EXISTS test_own_version (aggregate_id uuid PRIMARY KEY, version bigint NOT NULL)";
    private static final String READ = "SELECT CAST(aggregate_id AS text), version FROM test_own_version WHERE aggregate_id = ANY("
            + UuidList.array("ids") + ")";
    private static final String WRITE = """
            INSERT INTO test_own_version AS t (aggregate_id, version)
            SELECT * FROM unnest(""" + UuidList.array("ids") + """
            , CAST(string_to_array(:versions, ',') AS bigint[]))
            ON CONFLICT (aggregate_id) DO UPDATE SET version = excluded.version WHERE t.version < excluded.version""";

    private final List<EventEnvelope> applied = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "eventstore-test.own-versions";
    }

    @Override
    public OwnVersions ownVersions() {
        return this;
    }

    @Override
    public boolean keeps(EventEnvelope event) {
        return OWN_DISTRICT.equals(event.districtCode());
    }

    @Override
    public Uni<Map<UUID, Long>> read(Mutiny.Session session, Collection<UUID> aggregates) {
        return session.createNativeQuery(READ, Object[].class).setParameter("ids", UuidList.text(aggregates))
                .getResultList()
                .map(rows -> {
                    Map<UUID, Long> versions = new HashMap<>();
                    rows.forEach(row -> versions.put(UUID.fromString((String) row[0]), ((Number) row[1]).longValue()));
                    return versions;
                });
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope event) {
        return applyAll(session, List.of(event));
    }

    @Override
    public Uni<Void> applyAll(Mutiny.Session session, List<EventEnvelope> events) {
        applied.addAll(events);
        Map<UUID, Long> reached = new LinkedHashMap<>();
        events.stream().filter(this::keeps).forEach(e -> reached.put(e.aggregateId(), e.aggregateVersion()));
        if (reached.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringJoiner versions = new StringJoiner(",");
        reached.values().forEach(v -> versions.add(v.toString()));
        return session.createNativeQuery(WRITE).setParameter("ids", UuidList.text(reached.keySet()))
                .setParameter("versions", versions.toString())
                .executeUpdate()
                .invoke(written -> {
                    if (written != reached.size()) {
                        throw new CheckpointMoved(name(), reached.size(), written);
                    }
                })
                .replaceWithVoid();
    }

    List<Long> versionsOf(UUID aggregateId) {
        return applied.stream().filter(e -> e.aggregateId().equals(aggregateId)).map(EventEnvelope::aggregateVersion).toList();
    }
}
