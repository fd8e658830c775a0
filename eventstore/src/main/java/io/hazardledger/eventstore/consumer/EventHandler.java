package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * What a consumer does with one event, inside the transaction that also records it as applied. A CDI bean, so
 * that a dead letter can be retried through the admin API by the handler's name long after it was parked.
 */
public interface EventHandler {
    /** Unique within the service, e.g. {@code hazard-service.findings}; the key of its checkpoints. */
    String name();

    Uni<Void> apply(Mutiny.Session session, EventEnvelope event);
}
