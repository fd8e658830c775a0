package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.eventstore.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;

/**
 * Where a record came from, kept with checkpoints and dead letters, and its value as the UTF-8 bytes read off
 * Kafka: parsed from them directly, and made text only for a dead letter. A replay holds many thousands of records
 * at once, and a Java string stores every character in two bytes as soon as one Chinese character is in it, while
 * the JSON around a title is nearly all ASCII, one byte a character in UTF-8.
 */
public record IncomingRecord(String topic, int partition, long offset, String key, byte[] bytes) {

    public IncomingRecord(String topic, int partition, long offset, String key, String value) {
        this(topic, partition, offset, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    public static IncomingRecord of(ConsumerRecord<String, String> record) {
        return new IncomingRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value());
    }

    public static IncomingRecord ofBytes(ConsumerRecord<String, byte[]> record) {
        return new IncomingRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value());
    }

    /** The value as text, as a dead letter keeps it. */
    public String value() {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The envelope the value holds; {@link EventCodec.MalformedEventException} when it holds none. */
    public EventEnvelope envelope() {
        return EventCodec.readEnvelope(bytes);
    }
}
