package io.hazardledger.hazard.messaging;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.Topics;
import io.hazardledger.eventstore.consumer.EventHandler;
import io.hazardledger.eventstore.consumer.IdempotentConsumer;
import io.hazardledger.eventstore.enterprises.EnterpriseDirectory;
import io.hazardledger.hazard.persistence.HazardRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The service's one consumer of other services' topics: enterprise events keep the local copy of the ledger that
 * places each hazard in its street and industry; every inspection finding becomes exactly one hazard (other
 * inspection events are not this service's concern). One consumer, not one per topic: consumers sharing a group
 * rebalance each other whenever one joins or leaves, which made every start and stop wait.
 */
@ApplicationScoped
public class UpstreamEventsConsumer implements EventHandler {
    @Inject
    IdempotentConsumer consumer;
    @Inject
    EnterpriseDirectory directory;
    @Inject
    HazardRepository hazards;

    @Override
    public String name() {
        return "hazard-service.findings";
    }

    @Incoming("upstream-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Topics.ENTERPRISE_EVENTS.equals(record.topic()) ? directory.consume(record) : consumer.consume(this, record);
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope event) {
        return "FindingRecorded".equals(event.type()) ? hazards.registerFinding(session, event) : Uni.createFrom().voidItem();
    }
}
