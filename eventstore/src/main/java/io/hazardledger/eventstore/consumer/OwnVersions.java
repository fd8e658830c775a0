package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * A handler that keeps the last version applied of some aggregates in its own rows, next to what the events made of
 * them, rather than in {@code es_consumer_stream}: one row written per aggregate and batch instead of two. Order,
 * duplicates and gaps are judged by {@link OrderedApplier} as for any aggregate, from the versions read here.
 * <p>
 * The handler must write each such aggregate's version (that of its last event given to it) in the same
 * transaction as the events' change, including for events that change nothing else, and must never move a version
 * back: when a row already holds the version written or a later one, another transaction applied those events
 * meanwhile, and the handler fails with {@link CheckpointMoved} so that the batch is read again.
 */
public interface OwnVersions {
    /** True when the version of this event's aggregate is kept by the handler (the same for all its events). */
    boolean keeps(EventEnvelope event);

    /** The last version applied of each of these aggregates that has one, as committed before this statement. */
    Uni<Map<UUID, Long>> read(Mutiny.Session session, Collection<UUID> aggregates);
}
