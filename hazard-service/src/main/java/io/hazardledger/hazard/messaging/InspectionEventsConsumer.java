package io.hazardledger.hazard.messaging;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.eventstore.consumer.EventHandler;
import io.hazardledger.eventstore.consumer.IdempotentConsumer;
import io.hazardledger.hazard.persistence.HazardRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;

/** Turns every inspection finding into exactly one hazard; other inspection events are not this service's concern. */
@ApplicationScoped
public class InspectionEventsConsumer implements EventHandler {
    @Inject
    IdempotentConsumer consumer;
    @Inject
    HazardRepository hazards;

    @Override
    public String name() {
        return "hazard-service.findings";
    }

    @Incoming("inspection-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(this, record);
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope event) {
        return "FindingRecorded".equals(event.type()) ? hazards.registerFinding(session, event) : Uni.createFrom().voidItem();
    }
}
