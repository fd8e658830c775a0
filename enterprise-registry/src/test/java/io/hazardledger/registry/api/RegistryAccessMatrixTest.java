package io.hazardledger.registry.api;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import static io.hazardledger.registry.api.LedgerFixtures.CHANGYI;
import static io.hazardledger.registry.api.LedgerFixtures.ZHANGQIU;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every ledger endpoint × every kind of caller → the status it must get (DESIGN §7). Writing the ledger is for the
 * regulator of the enterprise's district or an admin (a status change for the regulator only); reading it for every
 * role within its scope; refusals change nothing and nothing outside the scope is seen, by id or in a list.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class RegistryAccessMatrixTest {
    private static String id;
    private static String uscc;

    @BeforeEach
    void anEnterpriseInChangyi() {
        if (id == null) {
            uscc = LedgerFixtures.newUscc(CHANGYI);
            id = Callers.regulator(CHANGYI).body(LedgerFixtures.entry(uscc, "昌邑权限矩阵化工有限公司"))
                    .post("/api/enterprises").then().statusCode(201).extract().path("id");
        }
    }

    /** Command → (caller → request); every command is sent with a body that would be accepted from its rightful caller. */
    private static Map<String, Function<RequestSpecification, Response>> commands() {
        Map<String, Function<RequestSpecification, Response>> commands = new LinkedHashMap<>();
        commands.put("register", c -> c.body(LedgerFixtures.entry(LedgerFixtures.newUscc(CHANGYI), "昌邑矩阵新登记有限公司"))
                .post("/api/enterprises"));
        commands.put("update", c -> c.body(Map.of("riskLevel", "RED")).patch("/api/enterprises/" + id));
        commands.put("relocation", c -> c.body(Map.of("districtCode", ZHANGQIU, "reason", "搬迁入园"))
                .post("/api/enterprises/" + id + "/relocation"));
        commands.put("status", c -> c.body(Map.of("status", "SUSPENDED", "reason", "停产整顿"))
                .post("/api/enterprises/" + id + "/status"));
        commands.put("blacklist", c -> c.body(Map.of("blacklisted", true, "reason", "严重失信"))
                .post("/api/enterprises/" + id + "/blacklist"));
        commands.put("import", c -> c.contentType("text/csv; charset=UTF-8")
                .body("uscc,name,districtCode,supervisionCategory\n" + LedgerFixtures.newUscc(CHANGYI) + ",昌邑矩阵导入有限公司,"
                        + CHANGYI + ",OTHER\n").post("/api/enterprises/import"));
        return commands;
    }

    @Test
    void refusalsAreExactAndChangeNothing() {
        String etag = etag();
        String total = total();
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Function<RequestSpecification, Response>> command : commands().entrySet()) {
            Map<String, Supplier<RequestSpecification>> refused = new LinkedHashMap<>(Callers.unauthenticated("regulator", CHANGYI));
            refused.put("inspector", () -> Callers.inspector(CHANGYI));
            refused.put("analyst", () -> Callers.analyst(CHANGYI));
            refused.put("its enterprise", () -> Callers.enterprise(UUID.fromString(id)));
            if (!command.getKey().equals("register") && !command.getKey().equals("import")) {
                refused.put("regulator of another district", () -> Callers.regulator(ZHANGQIU));
                refused.put("another enterprise", () -> Callers.enterprise(UUID.randomUUID()));
            }
            if (command.getKey().equals("status")) {
                refused.put("admin (status is the regulator's)", Callers::admin);
            }
            for (Map.Entry<String, Supplier<RequestSpecification>> caller : refused.entrySet()) {
                int expected = caller.getKey().endsWith("token") ? 401 : caller.getKey().contains("another") ? 404 : 403;
                int actual = command.getValue().apply(caller.getValue().get()).statusCode();
                if (actual != expected) {
                    mismatches.add(command.getKey() + " × " + caller.getKey() + ": " + actual + " (expected " + expected + ")");
                }
            }
        }
        assertEquals(List.of(), mismatches);
        assertEquals(etag, etag(), "a refused command changed nothing");
        assertEquals(total, total(), "a refused registration or import registered nothing");
    }

    @Test
    void readsAreScoped() {
        for (RequestSpecification allowed : List.of(Callers.regulator(CHANGYI), Callers.inspector(CHANGYI),
                Callers.analyst(CHANGYI), Callers.analyst(null), Callers.admin(), Callers.enterprise(UUID.fromString(id)))) {
            allowed.get("/api/enterprises/" + id).then().statusCode(200);
            assertTrue(listed(allowed).contains(id));
        }
        for (RequestSpecification outside : List.of(Callers.regulator(ZHANGQIU), Callers.analyst(ZHANGQIU),
                Callers.enterprise(UUID.randomUUID()))) {
            outside.get("/api/enterprises/" + id).then().statusCode(404).contentType("application/problem+json");
            assertFalse(listed(outside).contains(id));
            outside.get("/api/enterprises?uscc=" + uscc).then().statusCode(200).header("X-Total-Count", "0");
        }
        given().get("/api/enterprises/" + id).then().statusCode(401);
        given().get("/api/districts").then().statusCode(401);
        Callers.enterprise(UUID.randomUUID()).get("/api/districts/370786/streets").then().statusCode(200);
    }

    private static List<String> listed(RequestSpecification caller) {
        return caller.get("/api/enterprises?uscc=" + uscc).then().statusCode(200)
                .extract().jsonPath().getList("id");
    }

    private static String etag() {
        return Callers.admin().get("/api/enterprises/" + id).then().statusCode(200).extract().header("ETag");
    }

    private static String total() {
        return Callers.admin().get("/api/enterprises?districtCode=" + CHANGYI).then().statusCode(200).extract()
                .header("X-Total-Count");
    }
}
