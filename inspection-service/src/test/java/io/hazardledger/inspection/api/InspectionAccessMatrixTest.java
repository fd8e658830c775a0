package io.hazardledger.inspection.api;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every inspection command × every kind of caller → the status it must get (DESIGN §7); refusals change nothing.
 * Enterprise users act on their own self-inspections only, so on an enforcement inspection they are refused.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class InspectionAccessMatrixTest {
    private static final String OTHER = "350503";
    private static UUID enterprise;
    private static String inspection;

    /** The in-district roles each command on an ENFORCEMENT inspection is for (written out, not read from the code). */
    private static final Map<String, List<String>> COMMAND_ROLES = new LinkedHashMap<>();

    static {
        COMMAND_ROLES.put("plan", List.of("inspector", "regulator"));
        COMMAND_ROLES.put("start", List.of("inspector", "regulator"));
        COMMAND_ROLES.put("findings", List.of("inspector", "regulator"));
        COMMAND_ROLES.put("enforcement-actions", List.of("inspector", "regulator"));
        COMMAND_ROLES.put("complete", List.of("inspector", "regulator"));
        COMMAND_ROLES.put("cancel", List.of("inspector", "regulator"));
    }

    @BeforeEach
    void anEnforcementInspection() {
        if (enterprise == null) {
            enterprise = InspectionApi.knownEnterprise(InspectionApi.DISTRICT);
            inspection = InspectionApi.plan(enterprise, InspectionApi.DISTRICT).statusCode(201).extract().path("id");
        }
    }

    @Test
    void refusalsAreExactAndChangeNothing() {
        String before = state();
        String total = total();
        List<String> mismatches = new ArrayList<>();
        for (String command : COMMAND_ROLES.keySet()) {
            Map<String, Supplier<RequestSpecification>> refused = new LinkedHashMap<>(Callers.unauthenticated("inspector", InspectionApi.DISTRICT));
            refused.put("inspector of another district", () -> Callers.inspector(OTHER));
            refused.put("another enterprise", () -> Callers.enterprise(UUID.randomUUID()));
            refused.put("analyst", () -> Callers.analyst(InspectionApi.DISTRICT));
            refused.put("admin", Callers::admin);
            refused.put("its enterprise (not its inspection kind)", () -> Callers.enterprise(enterprise));
            for (Map.Entry<String, Supplier<RequestSpecification>> caller : refused.entrySet()) {
                int expected = caller.getKey().endsWith("token") ? 401 : caller.getKey().contains("another") ? 404 : 403;
                int actual = caller.getValue().get().body(body(command)).post(path(command)).statusCode();
                if (actual != expected) {
                    mismatches.add(command + " × " + caller.getKey() + ": " + actual + " (expected " + expected + ")");
                }
            }
        }
        assertEquals(List.of(), mismatches);
        assertEquals(before, state(), "a refused command changed nothing");
        assertEquals(total, total(), "a refused plan planned nothing");
    }

    @Test
    void theRolesACommandIsForGetPastSecurity() {
        for (String command : COMMAND_ROLES.keySet()) {
            for (String role : COMMAND_ROLES.get(command)) {
                int status = Callers.as(role, InspectionApi.DISTRICT, null).body(body(command)).post(path(command)).statusCode();
                assertTrue(status != 401 && status != 403 && status != 404, command + " × " + role + " was refused: " + status);
            }
        }
    }

    private static String path(String command) {
        return command.equals("plan") ? "/api/inspections" : "/api/inspections/" + inspection + "/" + command;
    }

    private static Object body(String command) {
        return switch (command) {
            case "plan" -> InspectionApi.planBody(enterprise, "ENFORCEMENT", "2026-12-02", "i-1");
            case "findings" -> Map.of("description", "配电箱未接地", "category", "ELECTRICAL", "severity", "GENERAL",
                    "location", "二号车间");
            case "enforcement-actions" -> Map.of("kind", "INTERVIEW", "description", "约谈企业主要负责人");
            case "complete" -> Map.of("summary", "检查完毕");
            case "cancel" -> Map.of("reason", "企业停电检修");
            default -> Map.of();
        };
    }

    private static String state() {
        return Callers.admin().get("/api/inspections/" + inspection).then().statusCode(200).extract().header("ETag");
    }

    private static String total() {
        return Callers.admin().get("/api/inspections?enterpriseId=" + enterprise).then().statusCode(200).extract()
                .header("X-Total-Count");
    }
}
