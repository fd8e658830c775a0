package io.hazardledger.registry.messaging;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.inspection.EnforcementActionTaken;
import io.hazardledger.contracts.inspection.EnforcementKind;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.consumer.EventHandler;
import io.hazardledger.eventstore.consumer.IdempotentConsumer;
import io.hazardledger.registry.persistence.EnterpriseRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Suspends an enterprise when an inspection issues a suspension order (停产停业整顿): the registry owns the status,
 * the inspection service only announces the decision. Other inspection events are not the ledger's concern.
 */
@ApplicationScoped
public class InspectionEventsConsumer implements EventHandler {
    @Inject
    IdempotentConsumer consumer;
    @Inject
    EnterpriseRepository enterprises;

    @Override
    public String name() {
        return "enterprise-registry.suspension-orders";
    }

    @Incoming("inspection-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(this, record);
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope event) {
        if (!"EnforcementActionTaken".equals(event.type())
                || EventCodec.payload(event, EnforcementActionTaken.class).kind() != EnforcementKind.SUSPENSION_ORDER) {
            return Uni.createFrom().voidItem();
        }
        return enterprises.suspendOnOrder(session, event);
    }
}
