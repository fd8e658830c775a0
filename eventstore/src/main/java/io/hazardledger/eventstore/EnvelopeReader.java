package io.hazardledger.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.POJONode;
import io.hazardledger.contracts.Actor;
import io.hazardledger.contracts.EventDescriptor;
import io.hazardledger.contracts.EventEnvelope;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads an envelope in one pass over a record's bytes. A payload written at its type's current schema version (the
 * type and version come before it, as every writer here puts them) is read straight into the record its type names
 * and held as a {@link POJONode}, which {@link EventCodec#payload} hands back as it is: no tree is built only to be
 * taken apart again, which was the larger part of reading an event in a replay. Any other payload is read as a tree,
 * for the upcasters. Written with the same mapper, such an envelope gives the same JSON.
 */
final class EnvelopeReader {
    private final ObjectMapper mapper;
    private final ObjectReader instants;
    /** Per type of the published language: its descriptor (the current version), and the reader of its record. */
    private final Map<String, EventDescriptor> types;
    private final Map<String, ObjectReader> payloads;

    EnvelopeReader(ObjectMapper mapper, List<EventDescriptor> descriptors) {
        this.mapper = mapper;
        this.instants = mapper.readerFor(Instant.class);
        this.types = descriptors.stream()
                .collect(Collectors.toUnmodifiableMap(EventDescriptor::type, Function.identity()));
        this.payloads = descriptors.stream()
                .collect(Collectors.toUnmodifiableMap(EventDescriptor::type, d -> mapper.readerFor(d.payloadType())));
    }

    EventEnvelope read(byte[] json) throws IOException {
        try (JsonParser p = mapper.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("not a JSON object");
            }
            UUID eventId = null, aggregateId = null, enterpriseId = null;
            String type = null, correlationId = null, causationId = null, districtCode = null;
            int schemaVersion = 0;
            long aggregateVersion = 0;
            Instant occurredAt = null;
            Actor actor = null;
            JsonNode payload = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "eventId" -> eventId = uuid(p);
                    case "type" -> type = text(p);
                    case "schemaVersion" -> schemaVersion = p.getValueAsInt();
                    case "aggregateId" -> aggregateId = uuid(p);
                    case "aggregateVersion" -> aggregateVersion = p.getValueAsLong();
                    case "occurredAt" -> occurredAt = instant(p);
                    case "actor" -> actor = actor(p);
                    case "correlationId" -> correlationId = text(p);
                    case "causationId" -> causationId = text(p);
                    case "districtCode" -> districtCode = text(p);
                    case "enterpriseId" -> enterpriseId = uuid(p);
                    case "payload" -> payload = payload(p, type, schemaVersion);
                    default -> p.skipChildren(); // as the mapper ignores unknown properties
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw malformed("unexpected " + p.currentToken());
            }
            return new EventEnvelope(eventId, type, schemaVersion, aggregateId, aggregateVersion, occurredAt, actor,
                    correlationId, causationId, districtCode, enterpriseId, payload);
        }
    }

    private JsonNode payload(JsonParser p, String type, int schemaVersion) throws IOException {
        EventDescriptor current = type == null ? null : types.get(type);
        if (current == null || current.schemaVersion() != schemaVersion || p.currentToken() != JsonToken.START_OBJECT) {
            return mapper.readTree(p);
        }
        try {
            return new POJONode(payloads.get(type).readValue(p));
        } catch (IOException e) {
            throw new EventCodec.MalformedEventException("Payload of " + type + " unreadable: " + e.getMessage(), e);
        }
    }

    private static String text(JsonParser p) throws IOException {
        if (p.currentToken().isStructStart()) {
            throw malformed("a text expected at " + p.currentName());
        }
        return p.getValueAsString();
    }

    private static UUID uuid(JsonParser p) throws IOException {
        String text = text(p);
        if (text == null) {
            return null;
        }
        if (text.length() != 36) {
            throw malformed("not a UUID: " + text);
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw malformed("not a UUID: " + text);
        }
    }

    private Instant instant(JsonParser p) throws IOException {
        String text = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
        Instant fast = text == null ? null : IsoTimeModule.parseInstant(text);
        return fast != null ? fast : instants.readValue(p);
    }

    private static Actor actor(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw malformed("actor is not an object");
        }
        String subject = null, role = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "subject" -> subject = text(p);
                case "role" -> role = text(p);
                default -> p.skipChildren();
            }
        }
        return new Actor(subject, role);
    }

    private static EventCodec.MalformedEventException malformed(String why) {
        return new EventCodec.MalformedEventException("Not an event envelope: " + why, null);
    }
}
