package io.hazardledger.registry.api;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reference data the registry serves: all of China's districts and streets, GB/T 4754-2017. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ReferenceDataTest {

    @Test
    void theSeedDistrictsExistWithTheirChineseNames() {
        Callers.analyst(null).get("/api/districts?province=37").then().statusCode(200)
                .body("code", everyItem(startsWith("37")))
                .body("code", hasItems("370772", "370786", "370114"))
                .body("find { it.code == '370772' }.name", equalTo("潍坊滨海经济技术开发区"))
                .body("find { it.code == '370786' }.city", equalTo("潍坊市"));
        Callers.analyst(null).get("/api/districts/350503").then().statusCode(200)
                .body("name", equalTo("丰泽区")).body("city", equalTo("泉州市")).body("province", equalTo("福建省"));
        Callers.analyst(null).get("/api/districts").then().statusCode(200).body("size()", greaterThan(2900));
        Callers.analyst(null).get("/api/districts/379999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aDistrictListsItsStreets() {
        Callers.analyst(null).get("/api/districts/370786/streets").then().statusCode(200)
                .body("code", everyItem(startsWith("370786")))
                .body("find { it.code == '370786102' }.name", equalTo("龙池镇"));
        Callers.analyst(null).get("/api/districts/379999/streets").then().statusCode(404);
    }

    @Test
    void industriesAreTheTwentySectionsAndNinetySevenDivisions() {
        var industries = Callers.analyst(null).get("/api/industries").then().statusCode(200).extract().jsonPath();
        List<String> sections = industries.getList("findAll { it.section == null }.code");
        List<String> divisions = industries.getList("findAll { it.section != null }.code");
        assertEquals(20, sections.size());
        assertEquals("ABCDEFGHIJKLMNOPQRST", String.join("", sections));
        assertEquals(97, divisions.size());
        assertEquals("01", divisions.get(0));
        assertEquals("97", divisions.get(96));
        Callers.analyst(null).get("/api/industries").then()
                .body("find { it.code == '26' }.name", equalTo("化学原料和化学制品制造业"))
                .body("find { it.code == '26' }.section", equalTo("C"))
                .body("findAll { it.section == 'C' }", hasSize(31))
                .body("code", hasItem("T"));
    }
}
