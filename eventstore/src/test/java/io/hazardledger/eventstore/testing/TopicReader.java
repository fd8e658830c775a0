package io.hazardledger.eventstore.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a topic from the beginning, without a consumer group, until the records a test is looking for arrive.
 * Tests filter by their own ids: a broker may hold other tests' records.
 */
public final class TopicReader {
    private TopicReader() {
    }

    /** The records of {@code topic} with key {@code key}, once at least {@code count} arrived (or the timeout passed). */
    public static List<ConsumerRecord<String, String>> awaitByKey(String topic, String key, int count, Duration timeout) {
        return await(topic, r -> key.equals(r.key()), count, timeout);
    }

    public static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> wanted,
                                                             int count, Duration timeout) {
        return await(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), topic, wanted, count, timeout);
    }

    /** As {@link #await(String, Predicate, int, Duration)}, on the broker at {@code bootstrap}. */
    public static List<ConsumerRecord<String, String>> await(String bootstrap, String topic,
                                                             Predicate<ConsumerRecord<String, String>> wanted,
                                                             int count, Duration timeout) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = List.of();
            while (found.size() < count && System.nanoTime() < deadline) {
                if (partitions.isEmpty()) {
                    partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    continue;
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (wanted.test(r)) {
                        found.add(r);
                    }
                });
            }
            return found;
        }
    }

    /** Every record of {@code topic} up to its current end that {@code wanted} keeps, in partition order. */
    public static List<ConsumerRecord<String, String>> readToEnd(String topic, Predicate<ConsumerRecord<String, String>> wanted) {
        return readToEnd(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), topic, wanted);
    }

    /** As {@link #readToEnd(String, Predicate)}, on the broker at {@code bootstrap}. */
    public static List<ConsumerRecord<String, String>> readToEnd(String bootstrap, String topic,
                                                                 Predicate<ConsumerRecord<String, String>> wanted) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (wanted.test(r)) {
                        found.add(r);
                    }
                });
            }
            return found;
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
