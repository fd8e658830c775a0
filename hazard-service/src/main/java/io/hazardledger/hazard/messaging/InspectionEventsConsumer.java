package io.hazardledger.hazard.messaging;

import io.hazardledger.eventstore.consumer.IdempotentConsumer;
import io.hazardledger.hazard.persistence.HazardRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Turns every inspection finding into exactly one hazard; other inspection events are not this service's concern. */
@ApplicationScoped
public class InspectionEventsConsumer {
    @Inject
    IdempotentConsumer consumer;
    @Inject
    HazardRepository hazards;

    @Incoming("inspection-events")
    public Uni<Void> consume(String event) {
        return consumer.consume("hazard-service.findings", event, (session, envelope) ->
                "FindingRecorded".equals(envelope.type()) ? hazards.registerFinding(session, envelope) : Uni.createFrom().voidItem());
    }
}
