package io.hazardledger.inspection.api;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.contracts.CloudEventHeaders;
import io.hazardledger.contracts.Topics;
import io.hazardledger.contracts.inspection.FindingRecorded;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.eventstore.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.hazardledger.inspection.api.InspectionApi.inspector;
import static io.hazardledger.inspection.api.InspectionApi.plan;
import static io.hazardledger.inspection.api.InspectionApi.plannedInspection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class InspectionResourceTest {
    private static final Map<String, Object> FINDING = Map.of(
            "description", "配电箱未接地", "category", "ELECTRICAL", "severity", "GENERAL",
            "location", "二号车间", "suggestedDeadline", "2026-12-31");

    @Test
    void aFindingRecordedOnSiteIsPublishedWithTheRequestCorrelation() {
        String id = plannedInspection("370181");
        inspector().post("/api/inspections/" + id + "/start").then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        String findingId = inspector().header("X-Correlation-Id", "corr-finding-1").body(FINDING)
                .post("/api/inspections/" + id + "/findings")
                .then().statusCode(201).header("ETag", "\"3\"").body("findingsSoFar", equalTo(1))
                .extract().path("findingId");

        var records = TopicReader.awaitByKey(Topics.INSPECTION_EVENTS, id, 3, Duration.ofSeconds(30));
        assertEquals(List.of("io.hazardledger.InspectionPlanned", "io.hazardledger.InspectionStarted",
                "io.hazardledger.FindingRecorded"), records.stream().map(r -> TopicReader.header(r, CloudEventHeaders.TYPE)).toList());
        var finding = records.get(2);
        assertEquals("corr-finding-1", TopicReader.header(finding, CloudEventHeaders.CORRELATION_ID));
        var payload = EventCodec.payload(EventCodec.readEnvelope(finding.value()), FindingRecorded.class);
        assertEquals(findingId, payload.findingId().toString());
        assertEquals("370181", payload.districtCode());
    }

    @Test
    void aRetriedStartWithTheSameKeyGetsTheFirstAnswerNotAnIllegalTransition() {
        String id = plannedInspection("370181");
        String key = "start-" + id;
        String first = inspector().header("Idempotency-Key", key).post("/api/inspections/" + id + "/start")
                .then().statusCode(200).header("ETag", "\"2\"").header("Idempotent-Replayed", nullValue())
                .extract().asString();
        inspector().header("Idempotency-Key", key).post("/api/inspections/" + id + "/start")
                .then().statusCode(200).header("ETag", "\"2\"").header("Idempotent-Replayed", "true")
                .body(equalTo(first));

        Callers.analyst(null).get("/api/inspections/" + id).then().statusCode(200).header("ETag", "\"2\"");
        assertEquals(2, TopicReader.awaitByKey(Topics.INSPECTION_EVENTS, id, 3, Duration.ofSeconds(5)).size());
    }

    @Test
    void aFindingBeforeTheInspectionStartsIsAnIllegalTransition() {
        String id = plannedInspection("370181");
        inspector().body(FINDING).post("/api/inspections/" + id + "/findings")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("PLANNED")).body("detail", containsString("record finding"));
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String id = plannedInspection("370181");
        inspector().header("If-Match", "\"7\"").post("/api/inspections/" + id + "/start")
                .then().statusCode(412).contentType("application/problem+json");
        Callers.analyst(null).get("/api/inspections/" + id).then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("PLANNED"));
    }

    @Test
    void planningForAnEnterpriseOutsideTheLedgerNamesTheField() {
        plan(UUID.randomUUID(), "370181").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("enterpriseId"));
    }

    @Test
    void missingFieldsOfAFindingAreNamed() {
        String id = plannedInspection("370181");
        inspector().post("/api/inspections/" + id + "/start").then().statusCode(200);
        inspector().body(Map.of("description", "无类别")).post("/api/inspections/" + id + "/findings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("category", "severity", "location"));
    }

    @Test
    void badJsonIsAProblem() {
        inspector().body("{not json").post("/api/inspections")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
