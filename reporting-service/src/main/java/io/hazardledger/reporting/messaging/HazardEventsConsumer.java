package io.hazardledger.reporting.messaging;

import io.hazardledger.eventstore.consumer.IdempotentConsumer;
import io.hazardledger.reporting.persistence.HazardFactProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds the hazard facts every statistic is computed from. */
@ApplicationScoped
public class HazardEventsConsumer {
    @Inject
    IdempotentConsumer consumer;
    @Inject
    HazardFactProjection projection;

    @Incoming("hazard-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(projection, record);
    }
}
