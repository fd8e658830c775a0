package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.eventstore.EventCodec;

/**
 * An event as a consumer receives it: the envelope, and its payload decoded once on arrival, at its type's current
 * schema version (an event whose payload cannot be decoded never gets this far: it is parked).
 */
public record ReadEvent(EventEnvelope envelope, DomainEvent payload) {

    /** Decodes the payload; {@link EventCodec.MalformedEventException} when its type is unknown or it does not fit. */
    public static ReadEvent of(EventEnvelope envelope) {
        return new ReadEvent(envelope, EventCodec.payload(envelope));
    }

    /** The payload as the record the envelope's type names. */
    public <T extends DomainEvent> T payload(Class<T> type) {
        return type.cast(payload);
    }
}
