package io.hazardledger.hazard.messaging;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.contracts.CloudEventHeaders;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.Topics;
import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.enterprise.SupervisionCategory;
import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.contracts.inspection.FindingRecorded;
import io.hazardledger.contracts.inspection.InspectionKind;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.testing.Poll;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.eventstore.testing.TopicReader;
import io.hazardledger.eventstore.testing.TopicWriter;
import io.hazardledger.hazard.domain.FindingHazards;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class FindingToHazardTest {
    private static final String DISTRICT = "350503";

    private static EventEnvelope finding(UUID enterpriseId, UUID inspectionId, UUID findingId, String correlationId) {
        return TopicWriter.envelope(new FindingRecorded(inspectionId, findingId, enterpriseId, DISTRICT,
                InspectionKind.SHIFT_SHADOWING, "储罐区可燃气体报警器失效", HazardCategory.HAZARDOUS_CHEMICAL_STORAGE,
                Severity.MAJOR, "储罐区", LocalDate.of(2026, 12, 20), List.of("photo-1"), null), inspectionId, 3, DISTRICT,
                enterpriseId, correlationId);
    }

    private static UUID enterprise() {
        UUID id = UUID.randomUUID();
        TopicWriter.publish(TopicWriter.envelope(new EnterpriseRegistered(id, "91440300708461136T", "丰泽储运有限公司",
                DISTRICT, "350503001", "59", SupervisionCategory.HAZARDOUS_CHEMICALS_TRADE, null,
                null, null, null, null, null, null, null), id, 1, DISTRICT, id, "c"));
        return id;
    }

    @Test
    void aFindingBecomesOneHazardPublishedWithItsCauseEvenWhenDeliveredTwice() {
        UUID enterpriseId = enterprise();
        UUID findingId = UUID.randomUUID();
        EventEnvelope event = finding(enterpriseId, UUID.randomUUID(), findingId, "corr-hazard-1");
        String hazardId = FindingHazards.idOfFinding(findingId).toString();
        TopicWriter.publish(event);
        TopicWriter.publish(event);

        Poll.until(Duration.ofSeconds(30), "hazard " + hazardId,
                () -> Callers.analyst(null).get("/api/hazards/" + hazardId).statusCode() == 200);
        Callers.analyst(null).get("/api/hazards/" + hazardId).then()
                .body("findingId", equalTo(findingId.toString()))
                .body("source", equalTo("SHIFT_SHADOWING"))
                .body("status", equalTo("REPORTED"))
                .body("severity", equalTo("MAJOR"));
        // A MAJOR hazard is listed for supervision (挂牌督办) as soon as it is found.
        Callers.analyst(null).get("/api/hazards/" + hazardId + "/events").then().statusCode(200)
                .body("$", hasSize(2)).body("[0].type", equalTo("HazardFound")).body("[1].type", equalTo("SupervisionListed"));

        var published = TopicReader.awaitByKey(Topics.HAZARD_EVENTS, hazardId, 3, Duration.ofSeconds(5)).stream()
                .filter(r -> "io.hazardledger.HazardFound".equals(TopicReader.header(r, CloudEventHeaders.TYPE))).toList();
        assertEquals(1, published.size(), "one HazardFound on hazard-events");
        var record = published.get(0);
        assertEquals("corr-hazard-1", TopicReader.header(record, CloudEventHeaders.CORRELATION_ID));
        assertEquals(event.eventId().toString(), TopicReader.header(record, CloudEventHeaders.CAUSATION_ID));
        HazardFound found = EventCodec.payload(EventCodec.readEnvelope(record.value()), HazardFound.class);
        assertEquals(DISTRICT, found.districtCode());
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndLaterFindingsStillBecomeHazards() {
        String poisonKey = UUID.randomUUID().toString();
        TopicWriter.publishRaw(Topics.INSPECTION_EVENTS, poisonKey, "{not an envelope");
        UUID findingId = UUID.randomUUID();
        TopicWriter.publish(finding(enterprise(), UUID.randomUUID(), findingId, "corr-after-poison"));

        String hazardId = FindingHazards.idOfFinding(findingId).toString();
        Poll.until(Duration.ofSeconds(30), "hazard after poison",
                () -> Callers.analyst(null).get("/api/hazards/" + hazardId).statusCode() == 200);
        assertEquals(1, TopicReader.awaitByKey(Topics.deadLetterOf(Topics.INSPECTION_EVENTS), poisonKey, 1,
                Duration.ofSeconds(30)).size());
    }
}
