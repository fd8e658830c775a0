package io.hazardledger.registry.api;

import io.hazardledger.contracts.CloudEventHeaders;
import io.hazardledger.contracts.Topics;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.eventstore.testing.TopicReader;
import io.hazardledger.contracts.enterprise.UnifiedSocialCreditCode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EnterpriseResourceTest {

    /** A fresh code that passes the GB 32100 check, so tests never collide on uniqueness. */
    static String newUscc() {
        String body = "913707" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        return body + UnifiedSocialCreditCode.checkCharacter(body + "0");
    }

    static Map<String, Object> registration(String uscc) {
        return Map.of("uscc", uscc, "name", "潍坊滨海化工有限公司", "districtCode", "370772",
                "supervisionCategory", "HAZARDOUS_CHEMICALS_PRODUCTION", "address", "滨海经济技术开发区");
    }

    @Test
    void registeringAnEnterprisePublishesEnterpriseRegisteredWithCloudEventsHeaders() {
        String id = Callers.regulator("370772").header("X-Correlation-Id", "corr-registry-1")
                .body(registration(newUscc()))
                .when().post("/api/enterprises")
                .then().statusCode(201)
                .header("ETag", "\"1\"")
                .header("X-Correlation-Id", "corr-registry-1")
                .header("Location", containsString("/api/enterprises/"))
                .body("status", equalTo("ACTIVE"))
                .body("name", equalTo("潍坊滨海化工有限公司"))
                .extract().path("id");

        Callers.analyst(null).get("/api/enterprises/" + id).then().statusCode(200).body("districtCode", equalTo("370772"));
        Callers.analyst(null).get("/api/enterprises?districtCode=370772&size=200").then().statusCode(200)
                .header("X-Total-Count", notNullValue()).body("id", hasItem(id));

        var records = TopicReader.awaitByKey(Topics.ENTERPRISE_EVENTS, id, 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        var record = records.get(0);
        assertEquals("io.hazardledger.EnterpriseRegistered", TopicReader.header(record, CloudEventHeaders.TYPE));
        assertEquals("/enterprise-registry", TopicReader.header(record, CloudEventHeaders.SOURCE));
        assertEquals(id, TopicReader.header(record, CloudEventHeaders.SUBJECT));
        assertEquals("corr-registry-1", TopicReader.header(record, CloudEventHeaders.CORRELATION_ID));
        var envelope = EventCodec.readEnvelope(record.value());
        assertEquals(1, envelope.aggregateVersion());
        assertEquals("370772", envelope.districtCode());
        assertEquals(TopicReader.header(record, CloudEventHeaders.ID), envelope.eventId().toString());
    }

    @Test
    void aSecondRegistrationOfTheSameCodeIsAConflict() {
        String uscc = newUscc();
        Callers.regulator("370772").body(registration(uscc)).post("/api/enterprises").then().statusCode(201);
        Callers.regulator("370772").body(registration(uscc)).post("/api/enterprises")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(uscc));
    }

    @Test
    void badJsonIsAProblem() {
        Callers.regulator("370772").body("{\"uscc\": ").post("/api/enterprises")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("title", notNullValue());
    }

    @Test
    void missingFieldsAreNamed() {
        Callers.regulator("370772").body(Map.of("name", "无代码企业")).post("/api/enterprises")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("uscc"))
                .body("errors.field", hasItem("districtCode"))
                .body("errors.field", hasItem("supervisionCategory"));
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        Callers.regulator("370772").body(registration("91350100M000100Y44")).post("/api/enterprises")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("uscc"));
    }

    @Test
    void anUnknownValueOfAnEnumIsAProblemNamingTheField() {
        var body = new java.util.HashMap<>(registration(newUscc()));
        body.put("supervisionCategory", "BAKERY");
        Callers.regulator("370772").body(body).post("/api/enterprises")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("supervisionCategory"));
    }

    @Test
    void anUnknownEnterpriseIsNotFound() {
        Callers.analyst(null).get("/api/enterprises/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
