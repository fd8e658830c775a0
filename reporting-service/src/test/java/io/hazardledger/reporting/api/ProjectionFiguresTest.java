package io.hazardledger.reporting.api;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.Poll;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The figures of a scripted history (see {@link ScriptedHistory}), worked out by hand. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ProjectionFiguresTest {
    private static final String JANUARY = "from=2025-01-01&to=2025-02-01";
    private static ScriptedHistory once;
    private static ScriptedHistory twice;

    private static String randomDistrict(String prefix) {
        return prefix + String.format("%04d", (int) (Math.random() * 10_000));
    }

    /** Both histories, the second with every event delivered twice, published once for the whole class. */
    private static synchronized void published() {
        if (once == null) {
            once = new ScriptedHistory(randomDistrict("41"), randomDistrict("42"));
            twice = new ScriptedHistory(randomDistrict("43"), randomDistrict("44"));
            once.publish(false);
            twice.publish(true);
        }
        Projections.awaitCaughtUp();
    }

    static Map<String, Object> districtRow(String query, String district) {
        List<Map<String, Object>> rows = Callers.analyst(null).get("/api/stats/districts?" + query).then().statusCode(200)
                .extract().jsonPath().getList("districts");
        return rows.stream().filter(r -> district.equals(r.get("districtCode"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> withoutCode(Map<String, Object> row) {
        Map<String, Object> copy = new HashMap<>(row);
        copy.remove("districtCode");
        copy.remove("districtName");
        return copy;
    }

    @Test
    void theDistrictRowHoldsTheHandComputedFigures() {
        published();
        JsonPath row = new JsonPath(toJson(districtRow(JANUARY, once.district)));
        assertEquals(5, row.getLong("found"));             // H1 H2 H3 H4 H6; H5 voided, H7 in December
        assertEquals(2, row.getLong("closed"));            // H1 H6
        assertEquals(0.4f, row.getFloat("closureRate"));
        assertEquals(0.5f, row.getFloat("onTimeRate"));    // H1 on time, H6 late
        assertEquals(3, row.getLong("open"));
        assertEquals(1, row.getLong("overdue"));           // H3 (1 Mar 2025); H2 extended to 2099
        assertEquals(2, row.getLong("majorFound"));        // H3 reclassified, H4
        assertEquals(2, row.getLong("majorOpen"));
        assertEquals(1, row.getLong("underSupervision"));  // H3
        assertEquals(10.25f, row.getFloat("meanDaysToClose")); // (10 + 10.5) / 2
        assertEquals(6600.0f, row.getFloat("fundsYuan"));  // 1000 + 500 + 2000 + 3000 + 100; H7's December plan excluded
        assertEquals(0.5f, row.getFloat("cumulativeClosureRate")); // H1 H6 H7 closed of H1 H2 H3 H4 H6 H7
        assertEquals(0.8f, row.getFloat("fiveItemsRate"));  // H2's plan has no emergency measures
        assertEquals(1, row.getLong("reviewOverdue"));     // H4; H3's verification failed
        assertEquals(1, row.getLong("employeeReports"));
        assertEquals(200.0f, row.getFloat("rewardsYuan"));
        assertEquals(1, row.getLong("rewardingEnterprises"));
        assertEquals(2, row.getLong("activeEnterprises")); // E3 moved away
        assertEquals(1, row.getLong("enterprisesInspected")); // E1; E2's inspection was cancelled
        assertEquals(0.5f, row.getFloat("coverage"));
        assertEquals(1, row.getLong("inspections"));

        JsonPath moved = new JsonPath(toJson(districtRow(JANUARY, once.newDistrict)));
        assertEquals(0, moved.getLong("found"));           // H6 stays where it was found
        assertEquals(1, moved.getLong("activeEnterprises"));
        assertNull(moved.get("closureRate"));
    }

    @Test
    void drillDownsTrendInspectionsAndWatchlistAgree() {
        published();
        JsonPath severity = Callers.analyst(null).get("/api/stats/districts/" + once.district + "?by=severity&" + JANUARY).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("GENERAL", "MAJOR"), severity.getList("rows.key"));
        assertEquals(List.of(3, 2), severity.getList("rows.found"));
        assertEquals(List.of(2, 0), severity.getList("rows.closed"));
        assertEquals(5, severity.getInt("total.found"));

        JsonPath street = Callers.analyst(null).get("/api/stats/districts/" + once.district + "?by=street&" + JANUARY).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("S1", "S2"), street.getList("rows.key"));
        assertEquals(List.of(4, 1), street.getList("rows.found"));

        JsonPath trend = Callers.analyst(null).get("/api/stats/trend?district=" + once.district + "&from=2025-01-01&to=2025-03-01")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("2025-01", "2025-02"), trend.getList("months.month"));
        assertEquals(List.of(5, 0), trend.getList("months.found"));
        assertEquals(List.of(2, 0), trend.getList("months.closed"));

        JsonPath inspections = Callers.analyst(null).get("/api/stats/inspections?district=" + once.district + "&" + JANUARY).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, inspections.getInt("inspections"));
        assertEquals(1, inspections.getInt("enterprisesInspected"));
        assertEquals(2, inspections.getInt("findings"));
        assertEquals(2.0f, inspections.getFloat("findingsPerInspection"));
        assertEquals(1, inspections.getInt("enforcementActions.FINE"));
        assertEquals(0, inspections.getInt("enforcementActions.WARNING")); // taken ten days ago, outside January 2025
        assertEquals(5000.0f, inspections.getFloat("finesYuan"));
        assertEquals(0, inspections.getInt("confiscations"));

        JsonPath watchlist = Callers.analyst(null).get("/api/stats/watchlist?district=" + once.district).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(once.h3.toString()), watchlist.getList("items.hazardId"));
        assertEquals(true, watchlist.getBoolean("items[0].overdue"));
        assertEquals("CITY", watchlist.getString("items[0].supervisionLevel"));
        assertEquals("滨海二号化工", watchlist.getString("items[0].enterpriseName"));
    }

    @Test
    void safetyProfilesShowTheirFactors() {
        published();
        // E1: H2 open (GENERAL, not overdue) −2, one enforcement action in the last year −10 → 88, B.
        JsonPath e1 = Callers.analyst(null).get("/api/enterprises/" + once.e1 + "/safety-profile").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(88, e1.getInt("score"));
        assertEquals("B", e1.getString("rating"));
        assertEquals(2, e1.getInt("suggestedInspectionsPerYear"));
        assertEquals(List.of(0, 0, -2, -10, 0), e1.getList("factors.points"));
        // E2: H3 and H4 MAJOR open −30, H3 overdue −5, blacklisted −20 → 45, D.
        JsonPath e2 = Callers.analyst(null).get("/api/enterprises/" + once.e2 + "/safety-profile").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(45, e2.getInt("score"));
        assertEquals("D", e2.getString("rating"));
        assertEquals(12, e2.getInt("suggestedInspectionsPerYear"));
        assertEquals(List.of(2, 1, 0, 0, 1), e2.getList("factors.value"));
        // E3 moved: its profile is in the new district.
        assertEquals(once.newDistrict, Callers.analyst(null).get("/api/enterprises/" + once.e3 + "/safety-profile").then()
                .statusCode(200).extract().jsonPath().getString("districtCode"));
        Callers.analyst(null).get("/api/enterprises/" + java.util.UUID.randomUUID() + "/safety-profile").then().statusCode(404);
        Callers.analyst(null).get("/api/enterprises/not-a-uuid/safety-profile").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("id"));
    }

    @Test
    void everyEventDeliveredTwiceGivesIdenticalFigures() {
        published();
        assertEquals(withoutCode(districtRow(JANUARY, once.district)), withoutCode(districtRow(JANUARY, twice.district)));
        assertEquals(withoutCode(districtRow("from=2000-01-01", once.district)), withoutCode(districtRow("from=2000-01-01", twice.district)));
        for (String by : List.of("street", "severity", "category", "industry")) {
            assertEquals(breakdown(once.district, by), breakdown(twice.district, by), by);
        }
        assertEquals(Callers.analyst(null).get("/api/stats/inspections?district=" + once.district + "&" + JANUARY).then().extract()
                        .jsonPath().getMap("enforcementActions"),
                Callers.analyst(null).get("/api/stats/inspections?district=" + twice.district + "&" + JANUARY).then().extract()
                        .jsonPath().getMap("enforcementActions"));
        assertEquals(Callers.analyst(null).get("/api/enterprises/" + once.e2 + "/safety-profile").then().extract().jsonPath().getInt("score"),
                Callers.analyst(null).get("/api/enterprises/" + twice.e2 + "/safety-profile").then().extract().jsonPath().getInt("score"));
    }

    private static Object breakdown(String district, String by) {
        return Callers.analyst(null).get("/api/stats/districts/" + district + "?by=" + by + "&" + JANUARY).then().statusCode(200)
                .extract().jsonPath().getList("rows");
    }

    @Test
    void aRebuildGivesTheFiguresOfTheLiveProjection() {
        published();
        int before = Projections.awaitCaughtUp();
        Map<String, Object> row = districtRow(JANUARY, once.district);
        Map<String, Object> all = districtRow("from=2000-01-01", twice.district);
        Object street = breakdown(once.district, "street");
        String profile = Callers.analyst(null).get("/api/enterprises/" + once.e2 + "/safety-profile").then().extract().asString();
        String versions = "SELECT hazard_id || ':' || version FROM rp_hazard WHERE generation = %d ORDER BY hazard_id";
        List<String> liveVersions = queryColumn(versions.formatted(before));

        Callers.admin().post("/api/admin/projections/rebuild").then().statusCode(202)
                .body("generation", org.hamcrest.Matchers.equalTo(before + 1));
        Callers.admin().post("/api/admin/projections/rebuild").then().statusCode(409);
        Callers.regulator("370786").post("/api/admin/projections/rebuild").then().statusCode(403);
        Poll.until(Duration.ofSeconds(90), "the rebuilt generation is active", () ->
                Callers.admin().get("/api/admin/projections").then().extract().jsonPath().getInt("projections[0].generation") == before + 1);
        assertNotEquals(before, Projections.awaitCaughtUp());

        assertEquals(row, districtRow(JANUARY, once.district));
        assertEquals(all, districtRow("from=2000-01-01", twice.district));
        // Written with its primary key alone while it replayed, the generation's hazards are indexed by the switch.
        String hazards = "rp_hazard_g" + (before + 1);
        assertEquals(List.of(hazards + "_awaiting_review", hazards + "_by_district", hazards + "_by_enterprise",
                hazards + "_major_listed", hazards + "_open_by_deadline", hazards + "_pkey", hazards + "_rewarded"),
                queryColumn("SELECT indexname FROM pg_indexes WHERE tablename = '" + hazards + "' ORDER BY 1"));
        // Each hazard's checkpoint is its row's version, the same as the live projection's; none is in the streams.
        assertEquals(liveVersions, queryColumn(versions.formatted(before + 1)));
        assertEquals(List.of("0"), queryColumn("SELECT count(*) FROM rp_hazard WHERE generation = " + (before + 1)
                + " AND version = 0"));
        assertEquals(List.of("0"), queryColumn("SELECT count(*) FROM es_consumer_stream s JOIN rp_hazard h"
                + " ON h.generation = " + (before + 1) + " AND h.hazard_id = s.aggregate_id WHERE s.consumer = '"
                + io.hazardledger.reporting.persistence.GenerationProjection.nameOf(before + 1) + "'"));
        Poll.until(Duration.ofSeconds(30), "the retired generation's rows deleted", () ->
                rowsOfGeneration(before) == 0);
        assertEquals(List.of(), queryColumn("SELECT relname FROM pg_class WHERE relname = 'rp_hazard_g" + before + "'"),
                "the retired generation's hazards went with their table");
        assertEquals(street, breakdown(once.district, "street"));
        assertEquals(profile, Callers.analyst(null).get("/api/enterprises/" + once.e2 + "/safety-profile").then().extract().asString());
    }

    private static List<String> queryColumn(String sql) {
        try (var connection = io.hazardledger.eventstore.testing.StoreFixtures.jdbc();
             var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long rowsOfGeneration(int generation) {
        return Long.parseLong(queryColumn("SELECT (SELECT count(*) FROM rp_hazard WHERE generation = " + generation
                + ") + (SELECT count(*) FROM rp_enterprise WHERE generation = " + generation + ")").get(0));
    }

    @Test
    void callersSeeOnlyTheirOwnDistrictOrEnterprise() {
        published();
        List<String> codes = Callers.regulator(once.district).get("/api/stats/districts?" + JANUARY).then().statusCode(200)
                .extract().jsonPath().getList("districts.districtCode");
        assertEquals(List.of(once.district), codes);
        Callers.analyst(once.district).get("/api/stats/districts/" + twice.district + "?by=street").then().statusCode(404);
        Callers.analyst(once.district).get("/api/stats/inspections?district=" + twice.district).then().statusCode(404);
        assertEquals(List.of(once.district), Callers.regulator(once.district).get("/api/reports/quarterly?year=2025&quarter=1")
                .then().statusCode(200).extract().jsonPath().getList("districts.districtCode"));
        Callers.enterprise(once.e1).get("/api/enterprises/" + once.e1 + "/safety-profile").then().statusCode(200);
        Callers.enterprise(once.e1).get("/api/enterprises/" + once.e2 + "/safety-profile").then().statusCode(404);
        Callers.enterprise(once.e1).get("/api/stats/districts").then().statusCode(403);
        Callers.regulator(once.newDistrict).get("/api/enterprises/" + once.e3 + "/safety-profile").then().statusCode(200);
        Callers.analyst(once.district).get("/api/stats/watchlist?district=" + twice.district).then().statusCode(404);
        Callers.analyst(once.district).get("/api/stats/trend?district=" + twice.district).then().statusCode(404);
        Callers.analyst(once.district).get("/api/admin/projections").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/stats/districts").then().statusCode(401)
                .contentType("application/problem+json");
        io.restassured.RestAssured.given().auth().oauth2(Callers.forgedToken("analyst", null, null))
                .get("/api/reports/quarterly?year=2025&quarter=1").then().statusCode(401);
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        expectProblem("/api/stats/districts?from=2025-02-01&to=2025-01-01", "from");
        expectProblem("/api/stats/districts/370786?by=colour", "by");
        expectProblem("/api/stats/districts/37078?by=street", "code");
        expectProblem("/api/stats/trend?from=yesterday", "from");
        expectProblem("/api/stats/inspections?district=abc", "district");
        expectProblem("/api/stats/watchlist?limit=0", "limit");
        expectProblem("/api/reports/quarterly?year=2025&quarter=5", "quarter");
        expectProblem("/api/reports/quarterly?year=twenty&quarter=1", "year");
    }

    private static void expectProblem(String url, String field) {
        Callers.analyst(null).get(url).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem(field));
    }

    static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertPresent(Object value) {
        assertNotNull(value);
    }
}
