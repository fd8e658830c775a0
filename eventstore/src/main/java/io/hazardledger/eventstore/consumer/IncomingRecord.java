package io.hazardledger.eventstore.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a record came from, kept with checkpoints and dead letters. */
public record IncomingRecord(String topic, int partition, long offset, String key, String value) {

    public static IncomingRecord of(ConsumerRecord<String, String> record) {
        return new IncomingRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value());
    }
}
