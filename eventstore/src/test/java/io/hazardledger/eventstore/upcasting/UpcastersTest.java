package io.hazardledger.eventstore.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hazardledger.contracts.Actor;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.Upcaster;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.EventTypes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpcastersTest {
    // Three versions of a measurement: v1 {"mm"}, v2 {"value","unit"} in mm, v3 in metres.
    private static final Upcaster V1_TO_V2 = new Upcaster("Measured", 1, payload -> {
        ObjectNode node = (ObjectNode) payload;
        node.set("value", node.remove("mm"));
        node.put("unit", "mm");
        return node;
    });
    private static final Upcaster V2_TO_V3 = new Upcaster("Measured", 2, payload -> {
        ObjectNode node = (ObjectNode) payload;
        node.put("value", node.get("value").asDouble() / 1000);
        node.put("unit", "m");
        return node;
    });

    private static JsonNode json(String text) {
        return EventCodec.readTree(text);
    }

    @Test
    void liftsAnOldPayloadStepByStepToTheCurrentVersion() {
        var chain = new Upcasters(List.of(V2_TO_V3, V1_TO_V2), Map.of("Measured", 3));

        assertEquals(json("{\"value\":1.5,\"unit\":\"m\"}"), chain.lift("Measured", 1, json("{\"mm\":1500}")));
        assertEquals(json("{\"value\":1.5,\"unit\":\"m\"}"), chain.lift("Measured", 2, json("{\"value\":1500,\"unit\":\"mm\"}")));
    }

    @Test
    void aCurrentEnvelopeIsLeftAsItIs() {
        var chain = new Upcasters(List.of(V1_TO_V2, V2_TO_V3), Map.of("Measured", 3));
        EventEnvelope current = envelope(3, json("{\"value\":1.5,\"unit\":\"m\"}"));

        assertSame(current, chain.lift(current));
    }

    @Test
    void anOldEnvelopeIsStampedWithTheCurrentVersionAndKeepsEverythingElse() {
        var chain = new Upcasters(List.of(V1_TO_V2, V2_TO_V3), Map.of("Measured", 3));
        EventEnvelope stored = envelope(1, json("{\"mm\":1500}"));

        EventEnvelope lifted = chain.lift(stored);

        assertEquals(3, lifted.schemaVersion());
        assertEquals(json("{\"value\":1.5,\"unit\":\"m\"}"), lifted.payload());
        assertEquals(stored.eventId(), lifted.eventId());
        assertEquals(stored.occurredAt(), lifted.occurredAt());
        assertEquals(json("{\"mm\":1500}"), stored.payload(), "steps work on a copy, never on the stored payload");
    }

    @Test
    void aMissingStepIsAClearError() {
        var chain = new Upcasters(List.of(V1_TO_V2), Map.of("Measured", 3));

        var error = assertThrows(UpcastingException.class, () -> chain.lift("Measured", 1, json("{\"mm\":1500}")));

        assertEquals("No upcaster Measured v2 → v3: a Measured of schema version 1 cannot be read as version 3",
                error.getMessage());
        assertEquals(List.of("Measured v2 → v3"), chain.missingSteps());
    }

    @Test
    void aPayloadNewerThanTheReaderIsRefused() {
        var chain = new Upcasters(List.of(V1_TO_V2), Map.of("Measured", 2));

        var error = assertThrows(UpcastingException.class, () -> chain.lift("Measured", 3, json("{}")));

        assertTrue(error.getMessage().contains("newer than the current 2"), error.getMessage());
    }

    @Test
    void aStepThatReturnsNothingIsRefused() {
        var chain = new Upcasters(List.of(new Upcaster("Measured", 1, payload -> null)), Map.of("Measured", 2));

        assertThrows(UpcastingException.class, () -> chain.lift("Measured", 1, json("{}")));
    }

    @Test
    void aChainThatCannotBeRightIsRejectedWhenBuilt() {
        assertThrows(IllegalArgumentException.class,
                () -> new Upcasters(List.of(V1_TO_V2, V1_TO_V2), Map.of("Measured", 3)), "two steps from one version");
        assertThrows(IllegalArgumentException.class,
                () -> new Upcasters(List.of(V2_TO_V3), Map.of("Measured", 2)), "a step beyond the current version");
        assertThrows(IllegalArgumentException.class,
                () -> new Upcasters(List.of(V1_TO_V2), Map.of("Other", 2)), "a step for an unknown type");
        assertThrows(IllegalArgumentException.class, () -> new Upcaster("Measured", 0, payload -> payload));
    }

    @Test
    void everyPublishedEventCanBeLiftedFromItsFirstVersion() {
        // Fails the build when a schemaVersion in EventCatalog is raised without its upcaster in EventUpcasters.
        assertEquals(List.of(), EventTypes.PUBLISHED.upcasters().missingSteps());
    }

    private static EventEnvelope envelope(int schemaVersion, JsonNode payload) {
        return new EventEnvelope(UUID.randomUUID(), "Measured", schemaVersion, UUID.randomUUID(), 1,
                Instant.parse("2025-03-01T08:00:00Z"), new Actor("test", "test"), "corr", null, null, null, payload);
    }
}
