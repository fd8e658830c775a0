package io.hazardledger.registry.api;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.hazardledger.registry.api.LedgerFixtures.BINHAI;
import static io.hazardledger.registry.api.LedgerFixtures.CHANGYI;
import static io.hazardledger.registry.api.LedgerFixtures.YANGZI;
import static io.hazardledger.registry.api.LedgerFixtures.entry;
import static io.hazardledger.registry.api.LedgerFixtures.newUscc;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Registrations are checked against the reference data, and only the district's regulator or an admin registers. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class LedgerRulesTest {

    private static Map<String, Object> with(String field, Object value) {
        var body = entry(newUscc(CHANGYI), "昌邑规则测试化工有限公司");
        body.put(field, value);
        return body;
    }

    @Test
    void anUnknownDistrictIsRefusedNamingTheField() {
        var body = with("districtCode", "379999");
        body.remove("streetCode");
        Callers.admin().body(body).post("/api/enterprises")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("districtCode")).body("errors[0].message", containsString("379999"));
    }

    @Test
    void aStreetOfAnotherDistrictIsRefusedNamingTheField() {
        Callers.regulator(CHANGYI).body(with("streetCode", YANGZI)).post("/api/enterprises")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("streetCode"))
                .body("errors[0].message", containsString(BINHAI));
        Callers.regulator(CHANGYI).body(with("streetCode", "370786999")).post("/api/enterprises")
                .then().statusCode(400).body("errors.field", contains("streetCode"));
    }

    @Test
    void anUnknownIndustryIsRefusedNamingTheField() {
        Callers.regulator(CHANGYI).body(with("industryCode", "98")).post("/api/enterprises")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("industryCode"));
    }

    @Test
    void everyBrokenRuleIsNamedInOneAnswer() {
        var body = with("industryCode", "00");
        body.put("name", "Acme Chemicals");
        String uscc = (String) body.get("uscc");
        body.put("uscc", uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0'));
        body.put("location", Map.of("longitude", 36.86, "latitude", 119.39));
        Callers.admin().body(body).post("/api/enterprises")
                .then().statusCode(400)
                .body("errors.field", contains("uscc", "name", "industryCode", "location"));
    }

    @Test
    void onlyTheDistrictsRegulatorOrAnAdminRegisters() {
        given().contentType("application/json").body(with("name", "昌邑无权登记有限公司")).post("/api/enterprises")
                .then().statusCode(401).contentType("application/problem+json");
        Callers.regulator(BINHAI).body(with("name", "昌邑他区登记有限公司")).post("/api/enterprises")
                .then().statusCode(404).contentType("application/problem+json");
        Callers.inspector(CHANGYI).body(with("name", "昌邑检查员登记有限公司")).post("/api/enterprises")
                .then().statusCode(403).contentType("application/problem+json");
        Callers.admin().body(with("name", "昌邑管理员登记有限公司")).post("/api/enterprises")
                .then().statusCode(201).body("streetCode", equalTo("370786102"))
                .body("keyHazards.majorHazardSources", equalTo(2)).body("contact.phone", equalTo("0536-7123456"));
    }
}
