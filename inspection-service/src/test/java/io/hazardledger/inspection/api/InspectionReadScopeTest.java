package io.hazardledger.inspection.api;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may read which inspection: its district's callers and its enterprise; to anyone else it does not exist. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class InspectionReadScopeTest {
    private static final String OTHER_DISTRICT = "350503";
    private static UUID enterprise;
    private static String inspection;

    @BeforeEach
    void oneInspectionInTheDistrict() {
        if (enterprise == null) {
            enterprise = InspectionApi.knownEnterprise(InspectionApi.DISTRICT);
            inspection = InspectionApi.plan(enterprise, InspectionApi.DISTRICT).statusCode(201).extract().path("id");
        }
    }

    @Test
    void readsWithoutATokenAre401() {
        given().get("/api/inspections").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/inspections/" + inspection).then().statusCode(401);
    }

    @Test
    void callersInScopeReadIt() {
        for (RequestSpecification caller : List.of(Callers.inspector(InspectionApi.DISTRICT),
                Callers.regulator(InspectionApi.DISTRICT), Callers.analyst(null), Callers.admin(),
                Callers.enterprise(enterprise))) {
            caller.get("/api/inspections/" + inspection).then().statusCode(200).body("id", equalTo(inspection));
            assertTrue(listed(caller).contains(inspection));
        }
    }

    @Test
    void callersOutOfScopeSeeNothingOfIt() {
        for (RequestSpecification caller : List.of(Callers.inspector(OTHER_DISTRICT), Callers.analyst(OTHER_DISTRICT),
                Callers.enterprise(UUID.randomUUID()))) {
            caller.get("/api/inspections/" + inspection).then().statusCode(404).contentType("application/problem+json");
            assertFalse(listed(caller).contains(inspection));
            caller.get("/api/inspections?districtCode=" + InspectionApi.DISTRICT).then().statusCode(200)
                    .header("X-Total-Count", "0");
        }
    }

    private static List<String> listed(RequestSpecification caller) {
        return caller.get("/api/inspections?enterpriseId=" + enterprise + "&size=200").then().statusCode(200)
                .extract().jsonPath().getList("id");
    }
}
