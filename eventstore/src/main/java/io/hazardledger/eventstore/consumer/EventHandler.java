package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/**
 * What a consumer does with one event, inside the transaction that also records it as applied. A CDI bean, so
 * that a dead letter can be retried through the admin API by the handler's name long after it was parked.
 */
public interface EventHandler {
    /** Unique within the service, e.g. {@code hazard-service.findings}; the key of its checkpoints. */
    String name();

    Uni<Void> apply(Mutiny.Session session, EventEnvelope event);

    /**
     * True for a consumer that joins its topics part-way rather than at their beginning (the live feed keeps only
     * the recent past): the first event it reads of an aggregate is where that aggregate starts for it, not a gap
     * after versions it was never meant to read. Later jumps are still reported.
     */
    default boolean startsMidStream() {
        return false;
    }

    /** The versions this handler keeps itself ({@link OwnVersions}); null when all are kept in es_consumer_stream. */
    default OwnVersions ownVersions() {
        return null;
    }

    /**
     * Applies events that are each the next version of their aggregate, in the order given. One after another
     * unless the handler can do better with the whole batch (fewer, set-based statements).
     */
    default Uni<Void> applyAll(Mutiny.Session session, List<EventEnvelope> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EventEnvelope event : events) {
            chain = chain.chain(() -> apply(session, event));
        }
        return chain;
    }

    /**
     * The same events with their payloads as decoded on arrival; a handler that reads payloads takes them from
     * here rather than decoding each again.
     */
    default Uni<Void> applyRead(Mutiny.Session session, List<ReadEvent> events) {
        return applyAll(session, events.stream().map(ReadEvent::envelope).toList());
    }
}
