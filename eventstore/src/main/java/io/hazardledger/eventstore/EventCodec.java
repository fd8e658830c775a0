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

import java.io.IOException;

/**
 * JSON form of envelopes and payloads, the same in the store, on Kafka and in the audit trail. Its own mapper,
 * so a service's REST Jackson settings can never change the wire format of events. Payloads are read through
 * the upcaster chain of {@link EventTypes#PUBLISHED}, so an event written under an older schema reads as today's.
 */
public final class EventCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new IsoTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {
    }

    /** Made on first use: the catalogue's types must not be loaded while this class is. */
    private static final class Records {
        static final EnvelopeReader READER = new EnvelopeReader(MAPPER, EventCatalog.all());
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

    /**
     * The envelope in a record's UTF-8 bytes, parsed without first making them text, its payload read into its
     * record where it is at the current schema version ({@link EnvelopeReader}).
     */
    public static EventEnvelope readEnvelope(byte[] json) {
        if (json == null) {
            throw new MalformedEventException("Not an event envelope: no value", null);
        }
        try {
            return Records.READER.read(json);
        } catch (IOException e) {
            throw new MalformedEventException("Not an event envelope: " + originalMessage(e), e);
        }
    }

    private static String originalMessage(IOException e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The payload, lifted to its type's current schema version, as the record its type names in the catalogue. */
    public static DomainEvent payload(EventEnvelope envelope) {
        return EventTypes.PUBLISHED.payload(envelope);
    }

    /**
     * The payload, lifted to its type's current schema version, as the record of the published language; the type
     * must match the envelope's.
     */
    public static <T extends DomainEvent> T payload(EventEnvelope envelope, Class<T> type) {
        return EventTypes.PUBLISHED.payload(envelope, type);
    }

    static <T> T decode(String eventType, JsonNode payload, Class<T> type) {
        try {
            return MAPPER.treeToValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Payload of " + eventType + " unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /** Raised for an event that cannot be read; consumers route it to the dead-letter topic. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
