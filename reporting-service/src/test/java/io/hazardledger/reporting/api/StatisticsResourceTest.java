package io.hazardledger.reporting.api;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.eventstore.testing.Poll;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.eventstore.testing.TopicWriter;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class StatisticsResourceTest {

    private static void hazardFound(String district, Severity severity) {
        hazardFound(UUID.randomUUID(), district, severity);
    }

    private static void hazardFound(UUID hazardId, String district, Severity severity) {
        UUID enterpriseId = UUID.randomUUID();
        var event = TopicWriter.envelope(new HazardFound(hazardId, enterpriseId, district, null, null,
                HazardSource.INSPECTION, "电缆老化", "电缆老化破损", "一号车间", HazardCategory.ELECTRICAL, severity,
                null, null, List.of(), null, null, java.time.Instant.now()), hazardId, 1, district, enterpriseId,
                "corr-" + hazardId);
        TopicWriter.publish(event);
        TopicWriter.publish(event); // a redelivery must not count twice
    }

    private static JsonPath row(String district) {
        JsonPath table = Callers.analyst(null).get("/api/stats/districts").then().statusCode(200).extract().jsonPath();
        List<String> codes = table.getList("districts.districtCode");
        int index = codes.indexOf(district);
        return index < 0 ? null : new JsonPath(table.prettify()).setRootPath("districts[" + index + "]");
    }

    @Test
    void foundHazardsAreCountedOncePerDistrictWithClosureRateNullUntilAnyIsClosed() {
        String district = "37" + String.format("%04d", (int) (Math.random() * 10_000));
        hazardFound(district, Severity.GENERAL);
        hazardFound(district, Severity.MAJOR);

        Poll.until(Duration.ofSeconds(30), "both hazards projected", () -> {
            JsonPath row = row(district);
            return row != null && row.getLong("found") == 2;
        });
        JsonPath row = row(district);
        assertEquals(0, row.getLong("closed"));
        assertEquals(2, row.getLong("open"));
        assertEquals(1, row.getLong("majorFound"));
        assertEquals(1, row.getLong("majorOpen"));
        assertEquals(0.0, row.getDouble("closureRate"));
        assertNull(row.get("meanDaysToClose"));
    }

    @Test
    void everyDistrictOfTheGazetteerIsNamedAndACodeOutsideItIsNot() {
        hazardFound("650502", Severity.GENERAL); // 哈密市伊州区, far from any demo district
        hazardFound("990001", Severity.GENERAL); // no such district
        Poll.until(Duration.ofSeconds(30), "both districts in the table", () -> row("650502") != null && row("990001") != null);
        assertEquals("伊州区", row("650502").getString("districtName"));
        assertNull(row("990001").get("districtName"));
    }

    @Test
    void aPeriodBeforeAnyHazardFindsNothingAndHasNoClosureRate() {
        String district = "35" + String.format("%04d", (int) (Math.random() * 10_000));
        hazardFound(district, Severity.GENERAL);
        Poll.until(Duration.ofSeconds(30), "hazard projected", () -> row(district) != null);
        JsonPath table = Callers.analyst(null).get("/api/stats/districts?from=2001-01-01&to=2001-04-01").then().statusCode(200)
                .extract().jsonPath();
        int index = table.getList("districts.districtCode").indexOf(district);
        assertEquals(0, table.getLong("districts[" + index + "].found"));
        assertNull(table.get("districts[" + index + "].closureRate"));
    }

    @Test
    void aClosedHazardCountsAsClosedAndAVoidedOneLeavesEveryCount() {
        String district = "33" + String.format("%04d", (int) (Math.random() * 10_000));
        UUID closed = UUID.randomUUID();
        UUID voided = UUID.randomUUID();
        hazardFound(closed, district, Severity.GENERAL);
        hazardFound(voided, district, Severity.GENERAL);
        TopicWriter.publish(TopicWriter.envelope(new io.hazardledger.contracts.hazard.HazardClosed(closed,
                java.time.Instant.now(), null, null, true), closed, 2, district, null, "c"));
        TopicWriter.publish(TopicWriter.envelope(new io.hazardledger.contracts.hazard.HazardVoided(voided, "误报"),
                voided, 2, district, null, "c"));

        Poll.until(Duration.ofSeconds(30), "closure and voiding projected", () -> {
            JsonPath row = row(district);
            return row != null && row.getLong("found") == 1 && row.getLong("closed") == 1;
        });
        JsonPath row = row(district);
        assertEquals(0, row.getLong("open"));
        assertEquals(1.0, row.getDouble("closureRate"));
    }

    @Test
    void theApiDocumentDefinesEveryFigure() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        for (String definition : List.of("整改率 closure rate", "五落实率", "awaiting the regulator's review",
                "coverage = enterprisesInspected / activeEnterprises", "score = 100")) {
            org.junit.jupiter.api.Assertions.assertTrue(document.contains(definition), definition);
        }
    }

    @Test
    void anInvertedPeriodIsAProblem() {
        Callers.analyst(null).get("/api/stats/districts?from=2026-04-01&to=2026-01-01").then().statusCode(400)
                .contentType("application/problem+json");
        Callers.analyst(null).get("/api/stats/districts?from=not-a-date").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
