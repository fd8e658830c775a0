package io.hazardledger.eventstore.testing;

import io.hazardledger.contracts.Actor;
import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventCatalog;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.eventstore.EventCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Publishes events as another service would, for tests of a consumer. */
public final class TopicWriter {
    private TopicWriter() {
    }

    public static EventEnvelope envelope(DomainEvent payload, UUID aggregateId, long version, String districtCode,
                                         UUID enterpriseId, String correlationId) {
        var descriptor = EventCatalog.of(payload);
        return new EventEnvelope(UUID.randomUUID(), descriptor.type(), descriptor.schemaVersion(), aggregateId, version,
                Instant.now(), new Actor("test", "test"), correlationId, null, districtCode, enterpriseId,
                EventCodec.toJson(payload));
    }

    /** Sends the envelope to the topic of its type, keyed by aggregate id, and waits for the broker's ack. */
    public static void publish(EventEnvelope envelope) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String topic = EventCatalog.byType(envelope.type()).orElseThrow().topic();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, envelope.aggregateId().toString(), EventCodec.write(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + envelope.type(), e);
        }
    }

    /** Sends the envelopes in order through one producer, each to the topic of its type, and waits for every ack. */
    public static void publishAll(java.util.List<EventEnvelope> envelopes) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (EventEnvelope envelope : envelopes) {
                producer.send(new ProducerRecord<>(EventCatalog.byType(envelope.type()).orElseThrow().topic(),
                        envelope.aggregateId().toString(), EventCodec.write(envelope)));
            }
            producer.flush();
        }
    }

    /** Sends a raw value, e.g. a poison record. */
    public static void publishRaw(String topic, String key, String value) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }
}
