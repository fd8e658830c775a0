package io.hazardledger.reporting.live;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Where the live feed's group starts on a partition it has never read: the feed keeps only the recent past
 * ({@code reporting.live.max-rows}), so it begins that many events before each topic's end rather than replaying
 * the whole history into a table that pruning would empty again. Partitions with a committed offset resume there.
 */
@ApplicationScoped
@Identifier("reporting-live")
public class LiveFeedStart implements KafkaConsumerRebalanceListener {
    @Inject
    LiveFeedConfig config;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        List<TopicPartition> fresh = partitions.stream().filter(p -> committed.get(p) == null).toList();
        if (fresh.isEmpty()) {
            return;
        }
        long perPartition = Math.max(1, config.maxRows() / partitions.size());
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(fresh);
        Map<TopicPartition, Long> end = consumer.endOffsets(fresh);
        for (TopicPartition partition : fresh) {
            consumer.seek(partition, Math.max(beginning.get(partition), end.get(partition) - perPartition));
        }
    }
}
