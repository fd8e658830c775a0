package io.hazardledger.reporting.api;

import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.enterprise.SupervisionCategory;
import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.Poll;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.eventstore.testing.TopicWriter;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every reporting endpoint × every kind of caller → the status it must get (DESIGN §7): statistics are for the
 * bureaus (an enterprise user is refused them) and cut to the caller's district; a safety profile is for its own
 * enterprise and the bureaus of its district; operations need the admin role; nothing answers without a valid token.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ReportingAccessMatrixTest {
    private static final String DISTRICT = "330102";
    private static final String OTHER = "330106";
    private static UUID enterprise;

    @BeforeEach
    void anEnterpriseReportingKnows() {
        if (enterprise == null) {
            enterprise = UUID.randomUUID();
            TopicWriter.publish(TopicWriter.envelope(new EnterpriseRegistered(enterprise, "91330102MA2A000017", "杭州上城检测化工有限公司",
                    DISTRICT, null, "26", SupervisionCategory.HAZARDOUS_CHEMICALS_USE, null, null, null, null, null, null,
                    null, null), enterprise, 1, DISTRICT, enterprise, "matrix"));
            Poll.until(Duration.ofSeconds(30), "the enterprise projected", () -> Callers.admin()
                    .get("/api/enterprises/" + enterprise + "/safety-profile").statusCode() == 200);
        }
    }

    @Test
    void everyEndpointForEveryKindOfCaller() {
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("district table", "/api/stats/districts");
        reads.put("drill-down", "/api/stats/districts/" + DISTRICT + "?by=severity");
        reads.put("trend", "/api/stats/trend?district=" + DISTRICT);
        reads.put("inspections", "/api/stats/inspections?district=" + DISTRICT);
        reads.put("watchlist", "/api/stats/watchlist?district=" + DISTRICT);
        reads.put("quarterly table", "/api/reports/quarterly?year=2025&quarter=1");
        reads.put("safety profile", "/api/enterprises/" + enterprise + "/safety-profile");
        reads.put("projections", "/api/admin/projections");

        Map<String, Supplier<RequestSpecification>> callers = new LinkedHashMap<>(Callers.unauthenticated("analyst", DISTRICT));
        callers.put("analyst of the district", () -> Callers.analyst(DISTRICT));
        callers.put("analyst of all districts", () -> Callers.analyst(null));
        callers.put("regulator of the district", () -> Callers.regulator(DISTRICT));
        callers.put("inspector of another district", () -> Callers.inspector(OTHER));
        callers.put("its enterprise", () -> Callers.enterprise(enterprise));
        callers.put("another enterprise", () -> Callers.enterprise(UUID.randomUUID()));
        callers.put("admin", Callers::admin);

        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> read : reads.entrySet()) {
            for (Map.Entry<String, Supplier<RequestSpecification>> caller : callers.entrySet()) {
                int expected = expected(read.getKey(), caller.getKey());
                int actual = caller.getValue().get().get(read.getValue()).statusCode();
                if (actual != expected) {
                    mismatches.add(read.getKey() + " × " + caller.getKey() + ": " + actual + " (expected " + expected + ")");
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void operationsAndSignOffAreRefusedToOthers() {
        for (Map.Entry<String, Supplier<RequestSpecification>> caller : Callers.unauthenticated("admin", null).entrySet()) {
            caller.getValue().get().post("/api/admin/projections/rebuild").then().statusCode(401);
        }
        Callers.analyst(null).post("/api/admin/projections/rebuild").then().statusCode(403);
        Callers.regulator(DISTRICT).post("/api/admin/projections/rebuild").then().statusCode(403);
        String signOff = "/api/reports/quarterly/2025/1/districts/" + DISTRICT + "/sign-off";
        Callers.analyst(DISTRICT).post(signOff).then().statusCode(403);
        Callers.admin().post(signOff).then().statusCode(403);
        Callers.regulator(OTHER).post(signOff).then().statusCode(404);
        Callers.enterprise(enterprise).post(signOff).then().statusCode(404);
    }

    /** The status a caller must get for a read, written out here rather than read from the code under test. */
    private static int expected(String read, String caller) {
        if (caller.endsWith("token")) {
            return 401;
        }
        if (read.equals("projections")) {
            return caller.equals("admin") ? 200 : 403;
        }
        if (read.equals("safety profile")) {
            return caller.equals("inspector of another district") || caller.equals("another enterprise") ? 404 : 200;
        }
        if (caller.contains("enterprise")) {
            return 403; // statistics are for the bureaus
        }
        if (caller.equals("inspector of another district")) {
            // the table, the quarterly table answer cut to the caller's own district; a named district is not found
            return read.equals("district table") || read.equals("quarterly table") ? 200 : 404;
        }
        return 200;
    }
}
