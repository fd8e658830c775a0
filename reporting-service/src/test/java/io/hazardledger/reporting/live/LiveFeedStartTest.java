package io.hazardledger.reporting.live;

import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A partition the live feed's group never read starts max-rows events (shared by the partitions) before its end. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class LiveFeedStartTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static LiveFeedStart keeping(int maxRows) {
        LiveFeedStart start = new LiveFeedStart();
        start.config = (LiveFeedConfig) Proxy.newProxyInstance(LiveFeedConfig.class.getClassLoader(),
                new Class<?>[] {LiveFeedConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("maxRows")) {
                        return maxRows;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return start;
    }

    private KafkaConsumer<String, String> consumer(String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
    }

    @Test
    void aNewGroupStartsNearTheEndAndAGroupThatReadResumes() throws Exception {
        String topic = "live-start-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
             var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                     new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get();
            for (int partition = 0; partition < 4; partition++) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(topic, partition, null, "event " + i)).get();
                }
            }
        }
        List<TopicPartition> partitions = IntStream.range(0, 4).mapToObj(p -> new TopicPartition(topic, p)).toList();
        String group = "live-start-group-" + UUID.randomUUID();
        try (var consumer = consumer(group)) {
            consumer.assign(partitions);
            keeping(8).onPartitionsAssigned(consumer, partitions);
            for (TopicPartition partition : partitions) {
                assertEquals(8, consumer.position(partition), "8 rows over 4 partitions: the last 2 of each");
            }
            consumer.commitSync(Map.of(partitions.get(0), new OffsetAndMetadata(3)));
        }
        try (var consumer = consumer(group)) {
            consumer.assign(partitions);
            keeping(8).onPartitionsAssigned(consumer, partitions);
            assertEquals(3, consumer.position(partitions.get(0)), "a partition read before resumes where it was");
            assertEquals(8, consumer.position(partitions.get(1)));
        }
        try (var consumer = consumer("live-start-group-" + UUID.randomUUID())) {
            consumer.assign(partitions);
            keeping(400).onPartitionsAssigned(consumer, partitions);
            assertEquals(0, consumer.position(partitions.get(2)), "never before the beginning");
        }
    }
}
