package io.hazardledger.reporting.live;

import io.hazardledger.eventstore.consumer.IdempotentConsumer;
import io.hazardledger.eventstore.consumer.IncomingRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The live feed's own channel and consumer group ({@code reporting-live}), apart from the statistics' consumers: one
 * consumer over the three topics. Each poll is appended in one transaction per partition (the channel runs in batch
 * mode): one commit per event would cost the feed a disk flush per event, far more than the appends themselves.
 */
@ApplicationScoped
public class LiveFeedConsumers {
    @Inject
    IdempotentConsumer consumer;
    @Inject
    LiveFeedProjection projection;

    @Incoming("live-events")
    public Uni<Void> events(ConsumerRecords<String, byte[]> records) {
        return append(records);
    }

    private Uni<Void> append(ConsumerRecords<String, byte[]> records) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TopicPartition partition : records.partitions()) {
            chain = chain.chain(() -> consumer.consumeAll(projection,
                    records.records(partition).stream().map(IncomingRecord::ofBytes).toList()));
        }
        return chain;
    }
}
