package io.hazardledger.inspection.api;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.contracts.CloudEventHeaders;
import io.hazardledger.contracts.Topics;
import io.hazardledger.contracts.inspection.EnforcementActionTaken;
import io.hazardledger.contracts.inspection.EnforcementKind;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.eventstore.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.hazardledger.inspection.api.InspectionApi.DISTRICT;
import static io.hazardledger.inspection.api.InspectionApi.as;
import static io.hazardledger.inspection.api.InspectionApi.inProgressInspection;
import static io.hazardledger.inspection.api.InspectionApi.inspector;
import static io.hazardledger.inspection.api.InspectionApi.knownEnterprise;
import static io.hazardledger.inspection.api.InspectionApi.planBody;
import static io.hazardledger.inspection.api.InspectionApi.plannedInspection;
import static io.hazardledger.inspection.api.InspectionApi.regulator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class InspectionLifecycleApiTest {
    private static final Map<String, Object> FINDING = Map.of(
            "description", "配电箱未接地", "category", "ELECTRICAL", "severity", "MAJOR", "location", "二号车间");

    @Test
    void aFineAndACompletionAreAnsweredWithTheirVersionsAndPublished() {
        String id = inProgressInspection();
        inspector().body(FINDING).post("/api/inspections/" + id + "/findings").then().statusCode(201);
        String actionId = regulator().header("If-Match", "\"3\"").header("Idempotency-Key", "fine-" + id)
                .body(Map.of("kind", "FINE", "amountYuan", 30000, "description", "未按规定开展隐患排查，处罚款",
                        "noticeNumber", "济应急罚〔2026〕12号"))
                .post("/api/inspections/" + id + "/enforcement-actions")
                .then().statusCode(201).header("ETag", "\"4\"").header("Location", containsString("/enforcement-actions/"))
                .body("enforcementActionsSoFar", equalTo(1)).extract().path("actionId");

        inspector().header("If-Match", "\"4\"").body(Map.of("summary", "发现重大隐患一项，已罚款"))
                .post("/api/inspections/" + id + "/complete")
                .then().statusCode(200).header("ETag", "\"5\"").body("status", equalTo("COMPLETED"))
                .body("summary", equalTo("发现重大隐患一项，已罚款")).body("findings", equalTo(1))
                .body("majorFindings", equalTo(1)).body("enforcementActions", equalTo(1));
        // After completion: decisions still follow, findings no longer do.
        regulator().body(Map.of("kind", "INTERVIEW", "description", "约谈企业主要负责人"))
                .post("/api/inspections/" + id + "/enforcement-actions").then().statusCode(201).header("ETag", "\"6\"");
        inspector().body(FINDING).post("/api/inspections/" + id + "/findings")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("COMPLETED"));

        var records = TopicReader.awaitByKey(Topics.INSPECTION_EVENTS, id, 6, Duration.ofSeconds(30));
        assertEquals(List.of("InspectionPlanned", "InspectionStarted", "FindingRecorded", "EnforcementActionTaken",
                        "InspectionCompleted", "EnforcementActionTaken"),
                records.stream().map(r -> TopicReader.header(r, CloudEventHeaders.TYPE).replace("io.hazardledger.", "")).toList());
        var fine = EventCodec.payload(EventCodec.readEnvelope(records.get(3).value()), EnforcementActionTaken.class);
        assertEquals(actionId, fine.actionId().toString());
        assertEquals(EnforcementKind.FINE, fine.kind());
        assertEquals(0, new BigDecimal("30000").compareTo(fine.amountYuan()));
        assertEquals(DISTRICT, fine.districtCode());
    }

    @Test
    void aCancelledInspectionTakesNothingMore() {
        String id = plannedInspection(DISTRICT);
        regulator().body(Map.of("reason", "企业全面停电检修")).post("/api/inspections/" + id + "/cancel")
                .then().statusCode(200).header("ETag", "\"2\"").body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("企业全面停电检修"));
        inspector().post("/api/inspections/" + id + "/start").then().statusCode(409);
        regulator().body(Map.of("kind", "WARNING", "description", "警告")).post("/api/inspections/" + id + "/enforcement-actions")
                .then().statusCode(409);
        regulator().body(Map.of("reason", "再次")).post("/api/inspections/" + id + "/cancel").then().statusCode(409);
    }

    @Test
    void fieldsOfAnEnforcementActionAreChecked() {
        String id = inProgressInspection();
        regulator().body(Map.of("kind", "FINE", "description", "罚款")).post("/api/inspections/" + id + "/enforcement-actions")
                .then().statusCode(400).body("errors[0].field", equalTo("amountYuan"));
        regulator().body(Map.of("kind", "FINE")).post("/api/inspections/" + id + "/enforcement-actions")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("description"));
        inspector().body(Map.of()).post("/api/inspections/" + id + "/complete")
                .then().statusCode(400).body("errors[0].field", equalTo("summary"));
    }

    @Test
    void callersAreNamedScopedAndHeldToTheirRole() {
        String id = inProgressInspection();
        UUID enterprise = UUID.fromString(Callers.analyst(null).get("/api/inspections/" + id).then().extract().path("enterpriseId"));
        given().contentType(ContentType.JSON).body(FINDING).post("/api/inspections/" + id + "/findings")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(planBody(enterprise, "ENFORCEMENT", "2026-12-02", "i-1"))
                .post("/api/inspections").then().statusCode(401);
        inspector("350503").body(FINDING).post("/api/inspections/" + id + "/findings").then().statusCode(404);
        as("inspector", "350503", null).body(planBody(enterprise, "ENFORCEMENT", "2026-12-02", "i-1"))
                .post("/api/inspections").then().statusCode(404);
        as("enterprise", null, enterprise).body(FINDING).post("/api/inspections/" + id + "/findings").then().statusCode(403);
        as("enterprise", null, enterprise).body(Map.of("kind", "WARNING", "description", "自罚"))
                .post("/api/inspections/" + id + "/enforcement-actions").then().statusCode(403);
        as("enterprise", null, enterprise).body(planBody(enterprise, "ENFORCEMENT", "2026-12-02", "安全员"))
                .post("/api/inspections").then().statusCode(403);

        String self = as("enterprise", null, enterprise).body(planBody(enterprise, "SELF_INSPECTION", "2026-12-03", "安全员"))
                .post("/api/inspections").then().statusCode(201).extract().path("id");
        as("enterprise", null, enterprise).post("/api/inspections/" + self + "/start").then().statusCode(200);
        as("enterprise", null, UUID.randomUUID()).body(Map.of("summary", "自查完毕")).post("/api/inspections/" + self + "/complete").then().statusCode(404);
    }

    @Test
    void aSpecialCampaignIsNamedAndItsFindingsNameItemsOfItsChecklist() {
        UUID enterprise = knownEnterprise(DISTRICT);
        var unnamed = planBody(enterprise, "SPECIAL_CAMPAIGN", "2026-12-04", "i-1");
        inspector().body(unnamed).post("/api/inspections").then().statusCode(400).body("errors[0].field", equalTo("campaign"));
        var campaign = planBody(enterprise, "SPECIAL_CAMPAIGN", "2026-12-04", "i-1");
        campaign.put("campaign", "粉尘涉爆专项治理");
        campaign.put("checklist", "DUST_EXPLOSION");
        String id = inspector().body(campaign).post("/api/inspections").then().statusCode(201)
                .body("checklist", equalTo("DUST_EXPLOSION")).extract().path("id");
        inspector().post("/api/inspections/" + id + "/start").then().statusCode(200);
        var outside = new java.util.HashMap<>(FINDING);
        outside.put("checklistItem", "CS-01");
        inspector().body(outside).post("/api/inspections/" + id + "/findings")
                .then().statusCode(400).body("errors[0].field", equalTo("checklistItem"));
        outside.put("checklistItem", "DE-01");
        inspector().body(outside).post("/api/inspections/" + id + "/findings").then().statusCode(201);
    }

    @Test
    void theListFiltersPagesAndSortsStably() {
        String district = "370182";
        UUID enterprise = knownEnterprise(district); // planned one ENFORCEMENT inspection on 2026-12-01 by inspector-7
        var campaign = planBody(enterprise, "SPECIAL_CAMPAIGN", "2026-11-15", "insp-list-1");
        campaign.put("campaign", "外包施工专项检查");
        campaign.put("checklist", "OUTSOURCED_CONSTRUCTION");
        String campaignId = inspector(district).body(campaign).post("/api/inspections").then().statusCode(201).extract().path("id");
        String later = inspector(district).body(planBody(enterprise, "UNANNOUNCED", "2026-12-20", "insp-list-1"))
                .post("/api/inspections").then().statusCode(201).extract().path("id");
        inspector(district).post("/api/inspections/" + later + "/start").then().statusCode(200);

        Callers.analyst(null).get("/api/inspections?districtCode=" + district).then().statusCode(200).header("X-Total-Count", "3")
                .body("[0].id", equalTo(later)).body("[2].id", equalTo(campaignId));
        Callers.analyst(null).get("/api/inspections?districtCode=" + district + "&size=1&page=2").then().statusCode(200)
                .header("X-Total-Count", "3").body("id", equalTo(List.of(campaignId)));
        Callers.analyst(null).get("/api/inspections?enterpriseId=" + enterprise + "&kind=SPECIAL_CAMPAIGN").then()
                .header("X-Total-Count", "1").body("[0].id", equalTo(campaignId));
        Callers.analyst(null).urlEncodingEnabled(true).queryParam("campaign", "外包施工专项检查").queryParam("districtCode", district)
                .get("/api/inspections").then().header("X-Total-Count", "1");
        Callers.analyst(null).get("/api/inspections?districtCode=" + district + "&inspector=insp-list-1").then()
                .header("X-Total-Count", "2");
        Callers.analyst(null).get("/api/inspections?districtCode=" + district + "&status=IN_PROGRESS").then()
                .header("X-Total-Count", "1").body("[0].id", equalTo(later));
        Callers.analyst(null).get("/api/inspections?districtCode=" + district + "&plannedFrom=2026-11-15&plannedTo=2026-12-01").then()
                .header("X-Total-Count", "2");
        Callers.analyst(null).get("/api/inspections?districtCode=37018").then().statusCode(400);
    }
}
