package io.hazardledger.eventstore.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.inspection.FindingRecorded;
import io.hazardledger.contracts.inspection.InspectionPlanned;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.EventTypes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inspection events as schema version 1 stored them stay readable after the checklist fields were added. */
class InspectionGoldenEventsTest {

    @Test
    void version1PlansAndFindingsReadWithoutAChecklist() throws IOException {
        List<EventEnvelope> stored = golden("inspection-v1.json");
        assertTrue(EventTypes.PUBLISHED.upcasters().missingSteps().isEmpty(), EventTypes.PUBLISHED.upcasters().missingSteps().toString());

        InspectionPlanned planned = EventTypes.PUBLISHED.payload(stored.get(0), InspectionPlanned.class);
        assertEquals("有限空间专项检查", planned.campaign());
        assertNull(planned.checklist());
        assertEquals(2, EventTypes.PUBLISHED.upcast(stored.get(0)).schemaVersion());

        FindingRecorded finding = EventTypes.PUBLISHED.payload(stored.get(1), FindingRecorded.class);
        assertEquals("污水处理池", finding.location());
        assertNull(finding.checklistItem());
    }

    private static List<EventEnvelope> golden(String resource) throws IOException {
        try (InputStream in = InspectionGoldenEventsTest.class.getResourceAsStream("/golden/" + resource)) {
            JsonNode array = EventCodec.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<EventEnvelope> envelopes = new ArrayList<>();
            array.forEach(node -> envelopes.add(EventCodec.readEnvelope(node.toString())));
            return envelopes;
        }
    }
}
