package io.hazardledger.registry.messaging;

import io.hazardledger.contracts.Topics;
import io.hazardledger.contracts.enterprise.EnterpriseStatus;
import io.hazardledger.contracts.enterprise.EnterpriseStatusChanged;
import io.hazardledger.contracts.enterprise.UnifiedSocialCreditCode;
import io.hazardledger.contracts.inspection.EnforcementActionTaken;
import io.hazardledger.contracts.inspection.EnforcementKind;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.testing.Poll;
import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.eventstore.testing.TopicReader;
import io.hazardledger.eventstore.testing.TopicWriter;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SuspensionOrderTest {
    private static final String DISTRICT = "370781";

    private static String registered() {
        String body = "913707" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        String uscc = body + UnifiedSocialCreditCode.checkCharacter(body + "0");
        return Callers.regulator(DISTRICT)
                .body(Map.of("uscc", uscc, "name", "青州示例粉末冶金有限公司", "districtCode", DISTRICT,
                        "supervisionCategory", "INDUSTRY_AND_TRADE"))
                .post("/api/enterprises").then().statusCode(201).extract().path("id");
    }

    private static void order(String enterpriseId, EnforcementKind kind, long inspectionVersion) {
        UUID inspection = UUID.randomUUID();
        UUID enterprise = UUID.fromString(enterpriseId);
        TopicWriter.publish(TopicWriter.envelope(new EnforcementActionTaken(inspection, UUID.randomUUID(), enterprise,
                DISTRICT, kind, kind.hasAmount() ? new BigDecimal("5000") : null, "粉尘涉爆除尘系统未整改",
                "青应急停〔2026〕3号", Instant.now()), inspection, inspectionVersion, DISTRICT, enterprise, "corr-order-" + enterpriseId));
    }

    private static RequestSpecification regulator(String district) {
        return Callers.regulator(district);
    }

    @Test
    void aSuspensionOrderSuspendsTheEnterpriseOnce() {
        String id = registered();
        order(id, EnforcementKind.FINE, 3); // not a suspension: changes nothing
        order(id, EnforcementKind.SUSPENSION_ORDER, 4);
        Poll.until(Duration.ofSeconds(30), "the enterprise to be suspended", () ->
                "SUSPENDED".equals(Callers.analyst(null).get("/api/enterprises/" + id).then().extract().path("status")));
        Callers.analyst(null).get("/api/enterprises/" + id).then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));

        var records = TopicReader.awaitByKey(Topics.ENTERPRISE_EVENTS, id, 2, Duration.ofSeconds(30));
        assertEquals(2, records.size());
        var envelope = EventCodec.readEnvelope(records.get(1).value());
        assertEquals("EnterpriseStatusChanged", envelope.type());
        assertEquals("corr-order-" + id, envelope.correlationId());
        var changed = EventCodec.payload(envelope, EnterpriseStatusChanged.class);
        assertEquals(EnterpriseStatus.ACTIVE, changed.from());
        assertEquals(EnterpriseStatus.SUSPENDED, changed.to());

        order(id, EnforcementKind.SUSPENSION_ORDER, 5); // already suspended: nothing more
        // Waits a while for a third event that must not come.
        assertEquals(2, TopicReader.awaitByKey(Topics.ENTERPRISE_EVENTS, id, 3, Duration.ofSeconds(5)).size());
        Callers.analyst(null).get("/api/enterprises/" + id).then().header("ETag", "\"2\"");
    }

    @Test
    void aRegulatorOfTheDistrictChangesTheStatus() {
        String id = registered();
        given().contentType(ContentType.JSON).body(Map.of("status", "SUSPENDED", "reason", "停产整顿"))
                .post("/api/enterprises/" + id + "/status").then().statusCode(401);
        regulator("350503").body(Map.of("status", "SUSPENDED", "reason", "停产整顿"))
                .post("/api/enterprises/" + id + "/status").then().statusCode(404);
        Callers.inspector(DISTRICT).body(Map.of("status", "SUSPENDED", "reason", "停产整顿"))
                .post("/api/enterprises/" + id + "/status").then().statusCode(403);
        regulator(DISTRICT).header("If-Match", "\"1\"").body(Map.of("status", "SUSPENDED", "reason", "停产整顿"))
                .post("/api/enterprises/" + id + "/status").then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("SUSPENDED"));
        regulator(DISTRICT).body(Map.of("status", "SUSPENDED", "reason", "再次"))
                .post("/api/enterprises/" + id + "/status").then().statusCode(409);
        regulator(DISTRICT).body(Map.of("status", "ACTIVE", "reason", "整改验收合格，恢复生产"))
                .post("/api/enterprises/" + id + "/status").then().statusCode(200).header("ETag", "\"3\"")
                .body("status", equalTo("ACTIVE"));
    }
}
