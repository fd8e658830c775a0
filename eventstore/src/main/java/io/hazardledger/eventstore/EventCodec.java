package io.hazardledger.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventCatalog;
import io.hazardledger.contracts.EventEnvelope;

/**
 * JSON form of envelopes and payloads, the same in the store, on Kafka and in the audit trail. Its own mapper,
 * so a service's REST Jackson settings can never change the wire format of events.
 */
public final class EventCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {
    }

    public static JsonNode toJson(DomainEvent payload) {
        return MAPPER.valueToTree(payload);
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event envelope cannot be written as JSON", e);
        }
    }

    public static EventEnvelope readEnvelope(String json) {
        try {
            return MAPPER.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Not an event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The payload as the record its type names in the catalogue. */
    public static DomainEvent payload(EventEnvelope envelope) {
        var descriptor = EventCatalog.byType(envelope.type())
                .orElseThrow(() -> new MalformedEventException("Unknown event type " + envelope.type(), null));
        return payload(envelope, descriptor.payloadType());
    }

    /** The payload as the record of the published language; the type must match the envelope's. */
    public static <T extends DomainEvent> T payload(EventEnvelope envelope, Class<T> type) {
        var descriptor = EventCatalog.byType(envelope.type())
                .orElseThrow(() -> new MalformedEventException("Unknown event type " + envelope.type(), null));
        if (descriptor.payloadType() != type) {
            throw new IllegalArgumentException(envelope.type() + " does not carry " + type.getSimpleName());
        }
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Payload of " + envelope.type() + " unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /** Raised for an event that cannot be read; consumers route it to the dead-letter topic. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
