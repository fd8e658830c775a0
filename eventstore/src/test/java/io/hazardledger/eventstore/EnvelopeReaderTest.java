package io.hazardledger.eventstore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.RectificationAssigned;
import io.hazardledger.contracts.hazard.RectificationPlan;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.eventstore.testing.TopicWriter;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An envelope read from a record's bytes is the envelope the tree reader gives, with its payload already decoded. */
class EnvelopeReaderTest {
    private static final UUID HAZARD = UUID.randomUUID();

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static EventEnvelope written(DomainEvent payload) {
        return TopicWriter.envelope(payload, HAZARD, 2, "370786", UUID.randomUUID(), "c-1");
    }

    private static HazardFound found() {
        return new HazardFound(HAZARD, UUID.randomUUID(), "370786", "370786001", "26", HazardSource.EMPLOYEE_REPORT,
                "储罐区\"防火堤\"破损", "东侧\n裂缝", null, HazardCategory.values()[0], Severity.MAJOR, null, null,
                List.of("照片1", "照片2"), null, "张三", Instant.parse("2026-03-01T08:30:15.123456789Z"));
    }

    @Test
    void aCurrentPayloadIsReadIntoItsRecordAndWritesBackToTheSameJson() {
        for (DomainEvent payload : List.of(found(), new RectificationAssigned(HAZARD, new RectificationPlan("负责人", "措施",
                new BigDecimal("12500.75"), LocalDate.parse("2026-04-30"), "预案", null, null, null, null)))) {
            String json = EventCodec.write(written(payload));
            EventEnvelope fast = EventCodec.readEnvelope(bytes(json));
            EventEnvelope tree = EventCodec.readEnvelope(json);

            assertInstanceOf(POJONode.class, fast.payload());
            assertEquals(payload, EventCodec.payload(fast));
            assertEquals(EventCodec.payload(tree), EventCodec.payload(fast));
            assertEquals(json, EventCodec.write(fast), "the same bytes when written again (the live feed keeps them)");
            assertEquals(withoutPayload(tree), withoutPayload(fast));
        }
    }

    private static EventEnvelope withoutPayload(EventEnvelope e) {
        return new EventEnvelope(e.eventId(), e.type(), e.schemaVersion(), e.aggregateId(), e.aggregateVersion(),
                e.occurredAt(), e.actor(), e.correlationId(), e.causationId(), e.districtCode(), e.enterpriseId(), null);
    }

    @Test
    void aPayloadOfAnOlderSchemaIsATreeForTheUpcasters() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/golden/enterprise-v1.json")) {
            String json = EventCodec.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get(0).toString();
            EventEnvelope stored = EventCodec.readEnvelope(bytes(json));
            assertInstanceOf(ObjectNode.class, stored.payload());
            EnterpriseRegistered registered = EventCodec.payload(stored, EnterpriseRegistered.class);
            assertEquals("昌邑示例化工有限公司", registered.name());
            assertNull(registered.parkName());
        }
    }

    @Test
    void fieldsInAnyOrderUnknownOnesAndNullsReadAsTheMapperReadsThem() {
        String json = """
                {"payload":{"hazardId":"%s","unknown":[1,{"a":2}]},"extra":{"x":[true]},"schemaVersion":1,
                 "type":"HazardVoided","eventId":"%s","aggregateId":"%s","aggregateVersion":7,
                 "occurredAt":"2026-03-01T16:30:00+08:00","actor":null,"correlationId":null}""".formatted(HAZARD,
                UUID.randomUUID(), HAZARD);
        EventEnvelope fast = EventCodec.readEnvelope(bytes(json));
        EventEnvelope tree = EventCodec.readEnvelope(json);
        assertEquals(tree, fast, "the payload came before its type: read as a tree");
        assertEquals(Instant.parse("2026-03-01T08:30:00Z"), fast.occurredAt());
        assertEquals(7, fast.aggregateVersion());
        assertNull(fast.actor());
        assertEquals(EventCodec.payload(tree), EventCodec.payload(fast));
    }

    @Test
    void whatIsNotAnEnvelopeOrWhosePayloadDoesNotFitIsMalformed() {
        String good = EventCodec.write(written(found()));
        for (String bad : List.of("[]", "{\"eventId\":\"not-a-uuid\"}", "{\"type\":{\"a\":1}}", "{\"eventId\":",
                good.replace("\"MAJOR\"", "\"ENORMOUS\""), good.replace("\"evidence\":[", "\"evidence\":{\"a\":["))) {
            var thrown = assertThrows(EventCodec.MalformedEventException.class, () -> EventCodec.readEnvelope(bytes(bad)), bad);
            assertTrue(thrown.getMessage().startsWith("Not an event envelope") || thrown.getMessage().startsWith("Payload of"),
                    thrown.getMessage());
        }
    }
}
