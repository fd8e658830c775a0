package io.hazardledger.hazard.api;

import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.enterprise.SupervisionCategory;
import io.hazardledger.eventstore.testing.Poll;
import io.hazardledger.eventstore.testing.TopicWriter;
import io.hazardledger.eventstore.testing.Callers;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Callers and bodies for tests that drive the hazard API. */
final class HazardApi {
    static final String DISTRICT = "370786";

    private HazardApi() {
    }

    static RequestSpecification as(String role, String district, UUID enterprise) {
        return Callers.as(role, district, enterprise);
    }

    static RequestSpecification regulator() {
        return as("regulator", DISTRICT, null);
    }

    static RequestSpecification inspector() {
        return as("inspector", DISTRICT, null);
    }

    /** An enterprise announced on enterprise-events, once hazard-service's copy of the ledger has it. */
    static UUID enterprise() {
        UUID id = UUID.randomUUID();
        TopicWriter.publish(TopicWriter.envelope(new EnterpriseRegistered(id, "91370786MA3C000013", "昌邑测试化工有限公司",
                DISTRICT, "370786101", "26", SupervisionCategory.HAZARDOUS_CHEMICALS_PRODUCTION, null,
                null, null, null, null, null, null, null), id, 1, DISTRICT, id, "c"));
        Poll.until(Duration.ofSeconds(30), "the enterprise copy", () ->
                report(id, "GENERAL").post("/api/hazards").statusCode() == 201);
        return id;
    }

    static RequestSpecification report(UUID enterprise, String severity) {
        Map<String, Object> body = new HashMap<>(Map.of("enterpriseId", enterprise, "source", "INSPECTION",
                "title", "电缆老化", "description", "配电室电缆老化破损", "location", "配电室", "category", "ELECTRICAL",
                "severity", severity));
        if (severity.equals("MAJOR")) {
            body.put("major", Map.of("criterion", Map.of("document", "应急管理部令第10号", "clause", "第四条第（三）项"),
                    "stateAndCause", "除尘系统未设锁气卸灰装置", "harm", "粉尘爆炸", "difficulty", "需停产改造"));
        }
        return inspector().body(body);
    }

    static Map<String, Object> generalPlan(LocalDate deadline) {
        return new HashMap<>(Map.of("responsiblePerson", "李四", "measures", "更换电缆", "fundsYuan", 800,
                "deadline", deadline.toString(), "emergencyMeasures", "断电警示"));
    }

    static Map<String, Object> majorPlan(LocalDate deadline) {
        Map<String, Object> plan = generalPlan(deadline);
        plan.putAll(Map.of("goalAndTasks", "消除粉尘爆炸风险", "materials", "除尘器两台", "organisation", "设备部",
                "planDocument", "ZLFA-2026-001"));
        return plan;
    }
}
