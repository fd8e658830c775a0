package io.hazardledger.eventstore.consumer;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a consumer could not apply (PARKED), or one held back behind such an event of the same aggregate
 * (WAITING), until an operator retries or discards it (RETRIED, DISCARDED).
 */
public record DeadLetter(long id, String consumer, String topic, int partition, long offset, String key,
                         UUID aggregateId, Long aggregateVersion, String eventType, String value, String status,
                         String reason, Instant createdAt, Instant resolvedAt) {
    public static final String PARKED = "PARKED";
    public static final String WAITING = "WAITING";
    public static final String RETRIED = "RETRIED";
    public static final String DISCARDED = "DISCARDED";

    IncomingRecord record() {
        return new IncomingRecord(topic, partition, offset, key, value);
    }
}
