package io.hazardledger.reporting.messaging;

import io.hazardledger.contracts.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** End offsets of the projected topics and the offsets a generation's group has reached (blocking calls). */
@ApplicationScoped
public class TopicOffsets {
    /** The topics every generation is fed from. */
    public static final List<String> TOPICS = List.of(Topics.ENTERPRISE_EVENTS, Topics.INSPECTION_EVENTS, Topics.HAZARD_EVENTS);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    private volatile Admin admin;

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
                }
            }
        }
        return admin;
    }

    String bootstrap() {
        return bootstrap;
    }

    /** Latest offset per "topic/partition" of the projected topics that exist. */
    public Map<String, Long> endOffsets() {
        try {
            var existing = admin().listTopics().names().get(10, TimeUnit.SECONDS);
            List<String> topics = TOPICS.stream().filter(existing::contains).toList();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin().describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().forEach(d ->
                    d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<String, Long> ends = new TreeMap<>();
            admin().listOffsets(request).all().get(10, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(key(tp), info.offset()));
            return ends;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka offsets unavailable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Committed offset per "topic/partition" of a consumer group. */
    public Map<String, Long> committed(String groupId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin().listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(e -> key(e.getKey()), e -> e.getValue().offset(), (a, b) -> a, TreeMap::new));
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka offsets unavailable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Forgets a retired generation's group; failures are harmless (the group is simply left behind). */
    public void deleteGroup(String groupId) {
        try {
            admin().deleteConsumerGroups(List.of(groupId)).all().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // still has members for a moment, or already gone
        }
    }

    static String key(TopicPartition tp) {
        return tp.topic() + "/" + tp.partition();
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }

}
