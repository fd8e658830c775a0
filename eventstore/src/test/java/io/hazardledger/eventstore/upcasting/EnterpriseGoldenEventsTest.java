package io.hazardledger.eventstore.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.EventTypes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A registration as schema version 1 stored it stays readable after the full ledger entry (v2) was added. */
class EnterpriseGoldenEventsTest {

    @Test
    void version1RegistrationsReadWithTheNewDetailsEmpty() throws IOException {
        EventEnvelope stored = golden();
        assertEquals(1, stored.schemaVersion());

        EnterpriseRegistered registered = EventTypes.PUBLISHED.payload(stored, EnterpriseRegistered.class);
        assertEquals("91370786MA3C000013", registered.uscc());
        assertEquals("昌邑示例化工有限公司", registered.name());
        assertEquals("370786", registered.districtCode());
        assertEquals("26", registered.industryCode());
        assertEquals("昌邑市龙池镇", registered.address());
        assertNull(registered.parkName());
        assertNull(registered.keyHazards());
        assertNull(registered.riskLevel());
        assertNull(registered.standardisationGrade());
        assertNull(registered.responsibleCadre());
        assertNull(registered.contact());
        assertNull(registered.location());
        assertEquals(2, EventTypes.PUBLISHED.upcast(stored).schemaVersion());
    }

    private static EventEnvelope golden() throws IOException {
        try (InputStream in = EnterpriseGoldenEventsTest.class.getResourceAsStream("/golden/enterprise-v1.json")) {
            JsonNode array = EventCodec.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return EventCodec.readEnvelope(array.get(0).toString());
        }
    }
}
