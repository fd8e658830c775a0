package io.hazardledger.inspection.api;

import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.enterprise.SupervisionCategory;
import io.hazardledger.eventstore.testing.Poll;
import io.hazardledger.eventstore.testing.TopicWriter;
import io.hazardledger.eventstore.testing.Callers;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Callers, enterprises and bodies for tests that drive the inspection API. */
final class InspectionApi {
    static final String DISTRICT = "370181";

    private InspectionApi() {
    }

    static RequestSpecification as(String role, String district, UUID enterprise) {
        return Callers.as(role, district, enterprise);
    }

    static RequestSpecification inspector(String district) {
        return as("inspector", district, null);
    }

    static RequestSpecification inspector() {
        return inspector(DISTRICT);
    }

    static RequestSpecification regulator() {
        return as("regulator", DISTRICT, null);
    }

    /** An enterprise as enterprise-registry would announce it, once this service's copy has it. */
    static UUID knownEnterprise(String district) {
        UUID id = UUID.randomUUID();
        TopicWriter.publish(TopicWriter.envelope(new EnterpriseRegistered(id, "91350100M000100Y43", "章丘机械厂", district,
                null, "34", SupervisionCategory.INDUSTRY_AND_TRADE, null,
                null, null, null, null, null, null, null), id, 1, district, id, "corr-" + id));
        Poll.until(Duration.ofSeconds(30), "enterprise copy", () -> plan(id, district).extract().statusCode() == 201);
        return id;
    }

    static Map<String, Object> planBody(UUID enterpriseId, String kind, String plannedDate, String inspector) {
        return new HashMap<>(Map.of("enterpriseId", enterpriseId, "kind", kind, "plannedDate", plannedDate,
                "inspectors", List.of(inspector)));
    }

    static ValidatableResponse plan(UUID enterpriseId, String district) {
        return inspector(district).body(planBody(enterpriseId, "ENFORCEMENT", "2026-12-01", "inspector-7"))
                .post("/api/inspections").then();
    }

    static String plannedInspection(String district) {
        return plan(knownEnterprise(district), district).statusCode(201).extract().path("id");
    }

    static String inProgressInspection() {
        String id = plannedInspection(DISTRICT);
        inspector().post("/api/inspections/" + id + "/start").then().statusCode(200);
        return id;
    }
}
