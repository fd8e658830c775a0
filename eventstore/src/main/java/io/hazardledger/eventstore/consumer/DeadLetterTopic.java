package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.Topics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Mirrors each dead letter to {@code <topic>.dlq} for ops tools, with the reason and origin in headers. The table
 * es_dead_letter is the record that retries and discards work on; the topic is its copy for watching.
 */
@ApplicationScoped
public class DeadLetterTopic {
    private static final Logger LOG = Logger.getLogger(DeadLetterTopic.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private KafkaProducer<String, String> producer;

    void publish(String consumer, IncomingRecord record, String status, String reason) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "dlq_consumer", consumer);
        header(headers, "dlq_status", status);
        header(headers, "dlq_reason", reason);
        header(headers, "dlq_topic", record.topic());
        header(headers, "dlq_partition", Integer.toString(record.partition()));
        header(headers, "dlq_offset", Long.toString(record.offset()));
        producer().send(new ProducerRecord<>(Topics.deadLetterOf(record.topic()), null, record.key(), record.value(), headers),
                (metadata, failure) -> {
                    if (failure != null) {
                        LOG.warnf("Dead letter of %s at %s-%d@%d kept in the database only: %s", consumer, record.topic(),
                                record.partition(), record.offset(), failure.getMessage());
                    }
                });
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
}
