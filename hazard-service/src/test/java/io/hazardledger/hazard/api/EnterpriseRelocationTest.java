package io.hazardledger.hazard.api;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.contracts.enterprise.EnterpriseRelocated;
import io.hazardledger.contracts.enterprise.EnterpriseUpdated;
import io.hazardledger.contracts.enterprise.SupervisionCategory;
import io.hazardledger.eventstore.testing.Poll;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.eventstore.testing.TopicWriter;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** hazard-service places hazards with its copy of the ledger: after a relocation, new hazards go to the new district. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EnterpriseRelocationTest {
    private static final String ZHANGQIU = "370114";
    private static final String MINGSHUI = "370114001";

    @Test
    void aHazardFoundAfterARelocationIsPlacedInTheNewDistrictAndEarlierOnesStay() {
        UUID enterprise = HazardApi.enterprise(); // in 370786; its first hazard is already reported there
        String before = HazardApi.report(enterprise, "GENERAL").post("/api/hazards").then().statusCode(201)
                .body("districtCode", equalTo(HazardApi.DISTRICT)).extract().path("id");

        TopicWriter.publish(TopicWriter.envelope(new EnterpriseRelocated(enterprise, HazardApi.DISTRICT, "370786101",
                ZHANGQIU, MINGSHUI, "章丘区明水街道", null, "整体搬迁"), enterprise, 2, ZHANGQIU, enterprise, "c-move"));
        TopicWriter.publish(TopicWriter.envelope(new EnterpriseUpdated(enterprise, "章丘搬迁化工有限公司", "27",
                SupervisionCategory.HAZARDOUS_CHEMICALS_USE, "章丘区明水街道", null, null, null, null, null, null, null,
                List.of("name", "industryCode", "supervisionCategory")), enterprise, 3, ZHANGQIU, enterprise, "c-move"));

        String[] after = new String[1];
        Poll.until(Duration.ofSeconds(30), "the copy to follow the relocation and the update", () -> {
            var answer = HazardApi.as("inspector", ZHANGQIU, null).body(Map.of("enterpriseId", enterprise,
                    "source", "INSPECTION", "title", "消防通道堵塞", "description", "仓库消防通道堆放杂物",
                    "location", "成品仓库", "category", "FIRE", "severity", "GENERAL")).post("/api/hazards");
            // Both events must have reached the copy: a hazard placed between the two is not the one to check.
            after[0] = answer.statusCode() == 201 && "27".equals(answer.path("industryCode")) ? answer.path("id") : null;
            return after[0] != null;
        });
        Callers.analyst(null).get("/api/hazards/" + after[0]).then().statusCode(200)
                .body("districtCode", equalTo(ZHANGQIU)).body("streetCode", equalTo(MINGSHUI))
                .body("industryCode", equalTo("27"));
        Callers.analyst(null).get("/api/hazards/" + before).then().statusCode(200)
                .body("districtCode", equalTo(HazardApi.DISTRICT)).body("streetCode", equalTo("370786101"));
    }
}
