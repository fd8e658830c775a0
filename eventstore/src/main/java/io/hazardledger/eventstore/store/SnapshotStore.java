package io.hazardledger.eventstore.store;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/** Reads and replaces the one snapshot each stream may have in {@code es_snapshot}. */
final class SnapshotStore {
    private static final Logger LOG = Logger.getLogger(SnapshotStore.class);
    private static final String SELECT = """
            SELECT version, revision, cast(state AS text) FROM es_snapshot
            WHERE stream_id = :streamId AND stream_type = :streamType""";
    // The state is bound as text and cast, as in EventStore: bound straight to jsonb it would become a JSON string.
    private static final String UPSERT = """
            INSERT INTO es_snapshot (stream_id, stream_type, version, revision, state)
            VALUES (:streamId, :streamType, :version, :revision, cast(cast(:state AS text) AS jsonb))
            ON CONFLICT (stream_id) DO UPDATE SET stream_type = EXCLUDED.stream_type, version = EXCLUDED.version,
                revision = EXCLUDED.revision, state = EXCLUDED.state, taken_at = clock_timestamp()""";

    private final int defaultEvery;

    SnapshotStore(int defaultEvery) {
        if (defaultEvery < 1) {
            throw new IllegalArgumentException("eventstore.snapshots.every must be at least 1, not " + defaultEvery);
        }
        this.defaultEvery = defaultEvery;
    }

    /** Events between two snapshots under {@code policy}. */
    int every(SnapshotPolicy<?> policy) {
        return policy.every().orElse(defaultEvery);
    }

    /** The stream's snapshot when it has one of the policy's revision that fits the state; else empty. */
    <A> Uni<Optional<EventStore.Loaded<A>>> read(Mutiny.Session session, String streamType, UUID streamId,
                                                  SnapshotPolicy<A> policy) {
        return session.createNativeQuery(SELECT, Object[].class)
                .setParameter("streamId", streamId)
                .setParameter("streamType", streamType)
                .getResultList()
                .map(rows -> rows.isEmpty() ? Optional.empty() : usable(streamId, rows.get(0), policy));
    }

    /** Writes the state as the stream's snapshot, replacing the one it had. */
    <A> Uni<Void> write(Mutiny.Session session, String streamType, UUID streamId, EventStore.Loaded<A> loaded,
                        SnapshotPolicy<A> policy) {
        return session.createNativeQuery(UPSERT)
                .setParameter("streamId", streamId)
                .setParameter("streamType", streamType)
                .setParameter("version", loaded.version())
                .setParameter("revision", policy.revision())
                .setParameter("state", policy.write(loaded.state()))
                .executeUpdate()
                .replaceWithVoid();
    }

    private static <A> Optional<EventStore.Loaded<A>> usable(UUID streamId, Object[] row, SnapshotPolicy<A> policy) {
        long version = ((Number) row[0]).longValue();
        int revision = ((Number) row[1]).intValue();
        if (revision != policy.revision()) {
            LOG.debugf("Snapshot of %s is of revision %d, not %d: ignored", streamId, revision, policy.revision());
            return Optional.empty();
        }
        try {
            return Optional.of(new EventStore.Loaded<>(policy.read((String) row[2]), version));
        } catch (IllegalArgumentException e) {
            LOG.warnf("Snapshot of %s at version %d ignored (was its revision not raised?): %s", streamId, version,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
