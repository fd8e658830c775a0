package io.hazardledger.hazard.api;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hazard endpoint × every kind of caller → the status it must get (DESIGN §7). Refusals — no token, an expired
 * or forged one, another district, another enterprise, a role the command is not for — change nothing; the roles a
 * command is for get past security (their answer then depends on the hazard's state, which other tests cover).
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class HazardAccessMatrixTest {
    private static final String OTHER = "350503";
    private static UUID enterprise;
    private static String hazard;

    /** Which in-district roles each command is for (written out here, not read from the code under test). */
    private static final Map<String, List<String>> COMMAND_ROLES = new LinkedHashMap<>();

    static {
        COMMAND_ROLES.put("reclassification", List.of("regulator"));
        COMMAND_ROLES.put("rectification", List.of("enterprise", "inspector", "regulator"));
        COMMAND_ROLES.put("deadline-extension", List.of("regulator"));
        COMMAND_ROLES.put("completion", List.of("enterprise", "inspector"));
        COMMAND_ROLES.put("verification", List.of("inspector", "regulator")); // an enterprise only for its own self-found GENERAL ones
        COMMAND_ROLES.put("closure", List.of("regulator"));
        COMMAND_ROLES.put("supervision", List.of("regulator"));
        COMMAND_ROLES.put("void", List.of("regulator"));
        COMMAND_ROLES.put("reward", List.of("regulator", "enterprise"));
    }

    @BeforeEach
    void aHazardFoundByInspection() {
        if (enterprise == null) {
            enterprise = HazardApi.enterprise();
            hazard = HazardApi.report(enterprise, "GENERAL").post("/api/hazards").then().statusCode(201).extract().path("id");
        }
    }

    @Test
    void refusalsAreExactAndChangeNothing() {
        int events = events();
        String total = total();
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> endpoint : commands().entrySet()) {
            Map<String, Supplier<RequestSpecification>> refused = new LinkedHashMap<>(unauthenticated());
            refused.put("regulator of another district", () -> Callers.regulator(OTHER));
            refused.put("inspector of another district", () -> Callers.inspector(OTHER));
            refused.put("another enterprise", () -> Callers.enterprise(UUID.randomUUID()));
            refused.put("analyst", () -> Callers.analyst(HazardApi.DISTRICT));
            refused.put("admin", Callers::admin);
            for (String role : List.of("enterprise", "inspector", "regulator")) {
                if (!COMMAND_ROLES.getOrDefault(endpoint.getKey(), List.of("enterprise", "inspector", "regulator")).contains(role)) {
                    refused.put(role + " (not its command)", () -> inDistrict(role));
                }
            }
            for (Map.Entry<String, Supplier<RequestSpecification>> caller : refused.entrySet()) {
                int expected = expectedRefusal(caller.getKey());
                int actual = caller.getValue().get().body(body(endpoint.getKey())).post(endpoint.getValue()).statusCode();
                if (actual != expected) {
                    mismatches.add(endpoint.getKey() + " × " + caller.getKey() + ": " + actual + " (expected " + expected + ")");
                }
            }
        }
        assertEquals(List.of(), mismatches);
        assertEquals(events, events(), "a refused command appended nothing");
        assertEquals(total, total(), "a refused report registered nothing");
    }

    @Test
    void theRolesACommandIsForGetPastSecurity() {
        for (Map.Entry<String, String> endpoint : commands().entrySet()) {
            for (String role : COMMAND_ROLES.getOrDefault(endpoint.getKey(), List.of("enterprise", "inspector", "regulator"))) {
                int status = inDistrict(role).body(body(endpoint.getKey())).post(endpoint.getValue()).statusCode();
                assertTrue(status != 401 && status != 403 && status != 404,
                        endpoint.getKey() + " × " + role + " was refused: " + status);
            }
        }
    }

    @Test
    void readsByEveryKindOfCaller() {
        for (String path : List.of("/api/hazards/" + hazard, "/api/hazards/" + hazard + "/events")) {
            unauthenticated().forEach((name, caller) -> caller.get().get(path).then().statusCode(401));
            for (RequestSpecification allowed : List.of(inDistrict("enterprise"), inDistrict("inspector"),
                    inDistrict("regulator"), Callers.analyst(HazardApi.DISTRICT), Callers.analyst(null), Callers.admin())) {
                allowed.get(path).then().statusCode(200);
            }
            for (RequestSpecification outside : List.of(Callers.regulator(OTHER), Callers.analyst(OTHER),
                    Callers.enterprise(UUID.randomUUID()))) {
                outside.get(path).then().statusCode(404);
            }
        }
    }

    private static Map<String, Supplier<RequestSpecification>> unauthenticated() {
        return Callers.unauthenticated("regulator", HazardApi.DISTRICT);
    }

    private static int expectedRefusal(String caller) {
        if (caller.endsWith("token")) {
            return 401;
        }
        return caller.contains("another") ? 404 : 403;
    }

    private static RequestSpecification inDistrict(String role) {
        return role.equals("enterprise") ? Callers.enterprise(enterprise) : Callers.as(role, HazardApi.DISTRICT, null);
    }

    /** Command name → path; "report" is the collection. */
    private static Map<String, String> commands() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("report", "/api/hazards");
        COMMAND_ROLES.keySet().forEach(command -> paths.put(command, "/api/hazards/" + hazard + "/" + command));
        return paths;
    }

    private static Object body(String command) {
        return switch (command) {
            case "report" -> Map.of("enterpriseId", enterprise.toString(), "source", "INSPECTION", "title", "电缆老化",
                    "description", "配电室电缆老化破损", "category", "ELECTRICAL", "severity", "GENERAL");
            case "reclassification" -> Map.of("severity", "GENERAL", "reason", "复核");
            case "rectification" -> HazardApi.generalPlan(LocalDate.now().plusDays(20));
            case "deadline-extension" -> Map.of("deadline", LocalDate.now().plusDays(40).toString(), "reason", "设备到货延迟");
            case "completion" -> Map.of("summary", "已完成整改");
            case "verification" -> Map.of("passed", false, "comment", "未完成");
            case "supervision" -> Map.of("listed", true, "level", "CITY", "noticeNumber", "D-1");
            case "void" -> Map.of("reason", "误报");
            case "reward" -> Map.of("amountYuan", 500);
            default -> Map.of();
        };
    }

    private static int events() {
        return Callers.admin().get("/api/hazards/" + hazard + "/events").then().statusCode(200).extract().jsonPath()
                .getList("type").size();
    }

    private static String total() {
        return Callers.admin().get("/api/hazards?enterpriseId=" + enterprise).then().statusCode(200).extract()
                .header("X-Total-Count");
    }
}
