package io.hazardledger.hazard.api;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.hazardledger.hazard.api.HazardApi.as;
import static io.hazardledger.hazard.api.HazardApi.inspector;
import static io.hazardledger.hazard.api.HazardApi.regulator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class HazardLifecycleApiTest {
    private static final LocalDate DEADLINE = LocalDate.now().plusDays(20);
    private static UUID enterprise;

    @BeforeEach
    void ledger() {
        if (enterprise == null) {
            enterprise = HazardApi.enterprise();
        }
    }

    private static String reported(String severity) {
        return HazardApi.report(enterprise, severity).post("/api/hazards").then().statusCode(201).extract().path("id");
    }

    private static List<String> eventTypes(String id) {
        return Callers.analyst(null).get("/api/hazards/" + id + "/events").then().statusCode(200).extract().jsonPath().getList("type");
    }

    @Test
    void aGeneralHazardGoesFromReportToClosureWithAnAuditTrailOfActors() {
        String id = reported("GENERAL");
        inspector().body(HazardApi.generalPlan(DEADLINE)).post("/api/hazards/" + id + "/rectification")
                .then().statusCode(200).header("ETag", "\"2\"").body("status", equalTo("RECTIFYING"))
                .body("deadline", equalTo(DEADLINE.toString()));
        as("enterprise", null, enterprise).body(Map.of("summary", "已更换电缆", "evidence", List.of("photo-9")))
                .post("/api/hazards/" + id + "/completion").then().statusCode(200).body("status", equalTo("AWAITING_VERIFICATION"))
                .body("reviewDueBy", nullValue());
        regulator().body(Map.of("passed", true, "comment", "合格")).post("/api/hazards/" + id + "/verification")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closedAt", notNullValue());

        JsonPath trail = Callers.analyst(null).get("/api/hazards/" + id + "/events").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("HazardFound", "RectificationAssigned", "RectificationSubmitted", "VerificationPassed",
                "HazardClosed"), trail.getList("type"));
        assertEquals(List.of("inspector", "inspector", "enterprise", "regulator", "regulator"), trail.getList("actor.role"));
        assertEquals(5, trail.getList("occurredAt").stream().filter(java.util.Objects::nonNull).count());
    }

    @Test
    void aMajorHazardIsListedAtOnceReviewedWithinTenDaysAndClosedOnlyByTheRegulator() {
        String id = reported("MAJOR");
        Callers.analyst(null).get("/api/hazards/" + id).then().body("supervision.automatic", equalTo(true));
        regulator().body(HazardApi.majorPlan(DEADLINE)).post("/api/hazards/" + id + "/rectification").then().statusCode(200);
        inspector().body(Map.of("summary", "已改造")).post("/api/hazards/" + id + "/completion").then().statusCode(200)
                .body("reviewDueBy", notNullValue()).body("reviewOverdue", equalTo(false));
        inspector().body(Map.of("passed", true)).post("/api/hazards/" + id + "/verification").then().statusCode(200)
                .body("status", equalTo("VERIFIED"));
        as("enterprise", null, enterprise).post("/api/hazards/" + id + "/closure").then().statusCode(403)
                .contentType("application/problem+json");
        regulator().post("/api/hazards/" + id + "/closure").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("supervision", nullValue());
        assertEquals(List.of("HazardFound", "SupervisionListed", "RectificationAssigned", "RectificationSubmitted",
                "VerificationPassed", "HazardClosed", "SupervisionLifted"), eventTypes(id));
    }

    @Test
    void anIllegalTransitionIs409NamingStateAndCommandAndAppendsNothing() {
        String id = reported("GENERAL");
        regulator().body(HazardApi.generalPlan(DEADLINE)).post("/api/hazards/" + id + "/rectification").then().statusCode(200);
        regulator().body(Map.of("reason", "误报")).post("/api/hazards/" + id + "/void").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("RECTIFYING")).body("detail", containsString("void"));
        Callers.analyst(null).get("/api/hazards/" + id).then().header("ETag", "\"2\"");
    }

    @Test
    void everyMissingPartOfAPlanIsNamedAndNothingIsAppended() {
        String id = reported("MAJOR");
        regulator().body(HazardApi.generalPlan(DEADLINE)).post("/api/hazards/" + id + "/rectification")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("goalAndTasks", "materials", "organisation", "planDocument"));
        regulator().body(Map.of()).post("/api/hazards/" + id + "/rectification").then().statusCode(400)
                .body("errors.field", hasItems("responsiblePerson", "measures", "fundsYuan", "deadline", "emergencyMeasures"));
        assertEquals(List.of("HazardFound", "SupervisionListed"), eventTypes(id));
    }

    @Test
    void aStaleIfMatchIs412AndARetryWithTheSameKeyIsAnsweredOnce() {
        String id = reported("GENERAL");
        regulator().header("If-Match", "\"5\"").body(HazardApi.generalPlan(DEADLINE))
                .post("/api/hazards/" + id + "/rectification").then().statusCode(412).contentType("application/problem+json");
        for (int attempt = 0; attempt < 2; attempt++) {
            regulator().header("If-Match", "\"1\"").header("Idempotency-Key", "plan-" + id).body(HazardApi.generalPlan(DEADLINE))
                    .post("/api/hazards/" + id + "/rectification").then().statusCode(200).header("ETag", "\"2\"");
        }
        assertEquals(List.of("HazardFound", "RectificationAssigned"), eventTypes(id));
    }

    @Test
    void callersOutsideTheirScopeSeeNothingAndUnknownCallersAreUnauthenticated() {
        String id = reported("GENERAL");
        as("regulator", "350503", null).body(Map.of("reason", "误报")).post("/api/hazards/" + id + "/void")
                .then().statusCode(404).contentType("application/problem+json");
        as("enterprise", null, UUID.randomUUID()).body(HazardApi.generalPlan(DEADLINE))
                .post("/api/hazards/" + id + "/rectification").then().statusCode(404);
        given().contentType("application/json").body(Map.of("reason", "误报")).post("/api/hazards/" + id + "/void")
                .then().statusCode(401).contentType("application/problem+json");
        as("wizard", null, null).body(Map.of("reason", "误报")).post("/api/hazards/" + id + "/void").then().statusCode(403);
        assertEquals(List.of("HazardFound"), eventTypes(id));
    }

    @Test
    void theStateAsOfAnInstantFollowsTheScriptedHistory() throws InterruptedException {
        String id = reported("GENERAL");
        Thread.sleep(20);
        Instant beforePlan = Instant.now();
        Thread.sleep(20);
        regulator().body(HazardApi.generalPlan(DEADLINE)).post("/api/hazards/" + id + "/rectification").then().statusCode(200);
        regulator().body(Map.of("deadline", DEADLINE.plusDays(10).toString(), "reason", "设备到货延迟"))
                .post("/api/hazards/" + id + "/deadline-extension").then().statusCode(200)
                .body("deadline", equalTo(DEADLINE.plusDays(10).toString()))
                .body("originalDeadline", equalTo(DEADLINE.toString()));

        Callers.analyst(null).get("/api/hazards/" + id + "?asOf=" + beforePlan).then().statusCode(200)
                .header("ETag", "\"1\"").body("status", equalTo("REPORTED")).body("deadline", nullValue());
        Callers.analyst(null).get("/api/hazards/" + id).then().header("ETag", "\"3\"").body("status", equalTo("RECTIFYING"));
        Callers.analyst(null).get("/api/hazards/" + id + "?asOf=2001-01-01T00:00:00Z").then().statusCode(404);
        Callers.analyst(null).get("/api/hazards/" + id + "?asOf=yesterday").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theListFiltersBySupervisionStatusAndSeverity() {
        String major = reported("MAJOR");
        String general = reported("GENERAL");
        List<String> listed = Callers.analyst(null).get("/api/hazards?enterpriseId=" + enterprise + "&underSupervision=true&size=200")
                .then().statusCode(200).header("X-Total-Count", notNullValue()).extract().jsonPath().getList("id");
        assertEquals(true, listed.contains(major));
        assertEquals(false, listed.contains(general));
        List<String> reportedGeneral = Callers.analyst(null).get("/api/hazards?enterpriseId=" + enterprise
                + "&status=REPORTED&severity=GENERAL&size=200").then().statusCode(200).extract().jsonPath().getList("id");
        assertEquals(true, reportedGeneral.contains(general));
        Callers.analyst(null).get("/api/hazards?status=NONSENSE").then().statusCode(404);
    }
}
