package io.hazardledger.system;

import io.hazardledger.contracts.CloudEventHeaders;
import io.hazardledger.contracts.Topics;
import io.hazardledger.contracts.enterprise.UnifiedSocialCreditCode;
import io.hazardledger.eventstore.testing.Poll;
import io.hazardledger.eventstore.testing.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The thin slice through the running services, over HTTP only: register an enterprise, inspect it and record a
 * finding; the finding becomes a hazard and the district table counts it; the hazard is rectified, verified and
 * closed (销号), and the table counts the closure. One correlation id runs through it all.
 */
@ExtendWith(SystemUnderTest.class)
class ThinSliceTest {
    private static final int REGISTRY = 0;
    private static final int INSPECTION = 1;
    private static final int HAZARD = 2;
    private static final int REPORTING = 3;
    private static final String DISTRICT = "370786"; // 昌邑市, home of the Longchi chemical park
    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    private static RunningStack system;

    @BeforeAll
    static void start(RunningStack stack) {
        system = stack;
    }

    @Test
    void aFindingBecomesAHazardThatTheDistrictTableCounts() {
        long foundBefore = found(DISTRICT);
        String correlation = "slice-" + UUID.randomUUID();
        String body17 = "913707866" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        // Registering is for the district's regulator.
        String enterpriseId = as("regulator", correlation)
                .body(Map.of("uscc", body17 + UnifiedSocialCreditCode.checkCharacter(body17 + "0"),
                        "name", "昌邑龙池化工园区新材料有限公司", "districtCode", DISTRICT,
                        "supervisionCategory", "HAZARDOUS_CHEMICALS_PRODUCTION"))
                .post(system.url(REGISTRY, "/api/enterprises")).then().statusCode(201).extract().path("id");

        String[] inspectionId = new String[1];
        Poll.until(PROPAGATION, "inspection-service to know the enterprise", () -> {
            var planned = as("inspector", correlation)
                    .body(Map.of("enterpriseId", enterpriseId, "kind", "SPECIAL_CAMPAIGN", "campaign", "有限空间专项检查",
                            "checklist", "CONFINED_SPACE", "plannedDate", LocalDate.now().toString(),
                            "inspectors", List.of("insp-1", "insp-2")))
                    .post(system.url(INSPECTION, "/api/inspections"));
            inspectionId[0] = planned.statusCode() == 201 ? planned.path("id") : null;
            return inspectionId[0] != null;
        });
        as("inspector", correlation).post(system.url(INSPECTION, "/api/inspections/" + inspectionId[0] + "/start"))
                .then().statusCode(200);
        JsonPath finding = as("inspector", correlation)
                .body(Map.of("description", "有限空间作业未执行审批，未配备气体检测仪", "category", "CONFINED_SPACE",
                        "severity", "MAJOR", "location", "污水处理池", "checklistItem", "CS-01"))
                .post(system.url(INSPECTION, "/api/inspections/" + inspectionId[0] + "/findings"))
                .then().statusCode(201).extract().jsonPath();
        String findingId = finding.getString("findingId");

        JsonPath[] hazards = new JsonPath[1];
        Poll.until(PROPAGATION, "the hazard of the finding", () -> {
            hazards[0] = analyst().get(system.url(HAZARD, "/api/hazards?enterpriseId=" + enterpriseId)).then().extract().jsonPath();
            return hazards[0].getList("$").size() == 1;
        });
        String hazardId = hazards[0].getString("[0].id");
        assertEquals(finding.getString("hazardId"), hazardId, "the finding links to its hazard");
        assertEquals(findingId, hazards[0].getString("[0].findingId"));
        assertEquals(inspectionId[0], hazards[0].getString("[0].inspectionId"));
        assertEquals(correlation, analyst().get(system.url(HAZARD, "/api/hazards/" + hazardId + "/events"))
                .then().statusCode(200).extract().path("[0].correlationId"));

        Poll.until(PROPAGATION, "the district table to count the hazard", () -> found(DISTRICT) == foundBefore + 1);

        long closedBefore = figure(DISTRICT, "closed");
        String hazard = system.url(HAZARD, "/api/hazards/" + hazardId);
        as("regulator", correlation).body(Map.of("goalAndTasks", "消除有限空间中毒窒息风险", "measures", "作业审批并配备气体检测仪",
                "fundsYuan", 15000, "materials", "四合一气体检测仪两台", "organisation", "安全环保部", "responsiblePerson", "安全总监",
                "deadline", LocalDate.now().plusDays(30).toString(), "emergencyMeasures", "停止作业，制定应急救援预案",
                "planDocument", "ZLFA-2026-088")).post(hazard + "/rectification").then().statusCode(200);
        as("inspector", correlation).body(Map.of("summary", "审批制度建立，检测仪到位")).post(hazard + "/completion").then().statusCode(200);
        as("inspector", correlation).body(Map.of("passed", true, "comment", "现场复核合格")).post(hazard + "/verification")
                .then().statusCode(200);
        as("regulator", correlation).post(hazard + "/closure").then().statusCode(200);
        Poll.until(PROPAGATION, "the district table to count the closure", () -> figure(DISTRICT, "closed") == closedBefore + 1);

        for (String topic : List.of(Topics.ENTERPRISE_EVENTS, Topics.INSPECTION_EVENTS, Topics.HAZARD_EVENTS)) {
            var records = TopicReader.await(system.kafkaBootstrap(), topic,
                    r -> correlation.equals(TopicReader.header(r, CloudEventHeaders.CORRELATION_ID)), 1, PROPAGATION);
            assertEquals(correlation, TopicReader.header(records.get(0), CloudEventHeaders.CORRELATION_ID), topic);
        }
    }

    private static long found(String district) {
        return figure(district, "found");
    }

    private static long figure(String district, String name) {
        JsonPath table = analyst().get(system.url(REPORTING, "/api/stats/districts")).then().statusCode(200).extract().jsonPath();
        int index = table.getList("districts.districtCode").indexOf(district);
        return index < 0 ? 0 : table.getLong("districts[" + index + "]." + name);
    }

    private static io.restassured.specification.RequestSpecification as(String role, String correlation) {
        return given().contentType(ContentType.JSON).header("X-Correlation-Id", correlation)
                .auth().oauth2(system.token(role, DISTRICT, null));
    }

    private static io.restassured.specification.RequestSpecification analyst() {
        return given().auth().oauth2(system.token("analyst", null, null));
    }
}
