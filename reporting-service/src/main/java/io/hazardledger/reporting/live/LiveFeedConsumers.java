package io.hazardledger.reporting.live;

import io.hazardledger.eventstore.consumer.IdempotentConsumer;
import io.hazardledger.eventstore.consumer.IncomingRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;

/**
 * The live feed's own channel and consumer group ({@code reporting-live}), apart from the statistics' consumers: one
 * consumer over the three topics. Each poll is appended in one transaction, whatever partitions it spans (the channel
 * runs in batch mode): one commit per event would cost the feed a disk flush per event, far more than the appends
 * themselves.
 */
@ApplicationScoped
public class LiveFeedConsumers {
    @Inject
    IdempotentConsumer consumer;
    @Inject
    LiveFeedProjection projection;

    @Incoming("live-events")
    public Uni<Void> events(ConsumerRecords<String, byte[]> records) {
        List<IncomingRecord> all = new ArrayList<>(records.count());
        records.forEach(record -> all.add(IncomingRecord.ofBytes(record)));
        return all.isEmpty() ? Uni.createFrom().voidItem() : consumer.consumeAll(projection, all);
    }
}
