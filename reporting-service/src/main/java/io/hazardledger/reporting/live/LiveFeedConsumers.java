package io.hazardledger.reporting.live;

import io.hazardledger.eventstore.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The live feed's own channels and consumer group ({@code reporting-live}), apart from the statistics' consumers. */
@ApplicationScoped
public class LiveFeedConsumers {
    @Inject
    IdempotentConsumer consumer;
    @Inject
    LiveFeedProjection projection;

    @Incoming("live-enterprise-events")
    public Uni<Void> enterpriseEvent(ConsumerRecord<String, String> record) {
        return consumer.consume(projection, record);
    }

    @Incoming("live-inspection-events")
    public Uni<Void> inspectionEvent(ConsumerRecord<String, String> record) {
        return consumer.consume(projection, record);
    }

    @Incoming("live-hazard-events")
    public Uni<Void> hazardEvent(ConsumerRecord<String, String> record) {
        return consumer.consume(projection, record);
    }
}
