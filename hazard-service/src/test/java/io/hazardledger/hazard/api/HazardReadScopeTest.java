package io.hazardledger.hazard.api;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may read which hazard (DESIGN §7): every read needs a valid token; a caller sees its own district or its own
 * enterprise only, and what it may not see is "not found" — in lists and totals as much as by id.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class HazardReadScopeTest {
    private static final String OTHER_DISTRICT = "350503";
    private static UUID enterprise;
    private static String hazard;

    @BeforeEach
    void oneHazardInTheDistrict() {
        if (enterprise == null) {
            enterprise = HazardApi.enterprise();
            hazard = HazardApi.report(enterprise, "GENERAL").post("/api/hazards").then().statusCode(201).extract().path("id");
        }
    }

    @Test
    void readsWithoutAValidTokenAre401() {
        for (String path : paths()) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
            given().header("Authorization", "Bearer " + Callers.expiredToken("analyst", null, null, Duration.ofHours(1)))
                    .get(path).then().statusCode(401);
            given().header("Authorization", "Bearer " + Callers.forgedToken("analyst", null, null))
                    .get(path).then().statusCode(401);
        }
    }

    @Test
    void callersInScopeReadTheHazard() {
        for (RequestSpecification caller : List.of(Callers.regulator(HazardApi.DISTRICT), Callers.inspector(HazardApi.DISTRICT),
                Callers.analyst(HazardApi.DISTRICT), Callers.analyst(null), Callers.admin(), Callers.enterprise(enterprise))) {
            caller.get("/api/hazards/" + hazard).then().statusCode(200).body("id", equalTo(hazard));
            caller.get("/api/hazards/" + hazard + "/events").then().statusCode(200);
            assertTrue(listed(caller, "/api/hazards?enterpriseId=" + enterprise).contains(hazard));
        }
    }

    @Test
    void callersOutOfScopeSeeNothingOfIt() {
        for (RequestSpecification caller : List.of(Callers.regulator(OTHER_DISTRICT), Callers.inspector(OTHER_DISTRICT),
                Callers.analyst(OTHER_DISTRICT), Callers.enterprise(UUID.randomUUID()))) {
            caller.get("/api/hazards/" + hazard).then().statusCode(404).contentType("application/problem+json")
                    .body("detail", not(equalTo(hazard)));
            caller.get("/api/hazards/" + hazard + "/events").then().statusCode(404);
            assertFalse(listed(caller, "/api/hazards?enterpriseId=" + enterprise).contains(hazard));
            caller.get("/api/hazards?districtCode=" + HazardApi.DISTRICT).then().statusCode(200)
                    .header("X-Total-Count", "0");
        }
    }

    @Test
    void anEnterpriseUserListsOnlyItsOwnHazards() {
        List<String> districts = Callers.enterprise(enterprise).get("/api/hazards?size=200").then().statusCode(200)
                .extract().jsonPath().getList("enterpriseId");
        assertFalse(districts.isEmpty());
        districts.forEach(id -> assertEquals(enterprise.toString(), id));
    }

    private static List<String> paths() {
        return List.of("/api/hazards", "/api/hazards/" + hazard, "/api/hazards/" + hazard + "/events");
    }

    private static List<String> listed(RequestSpecification caller, String path) {
        return caller.get(path).then().statusCode(200).extract().jsonPath().getList("id");
    }
}
