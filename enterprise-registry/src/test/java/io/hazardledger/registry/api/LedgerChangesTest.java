package io.hazardledger.registry.api;

import io.hazardledger.contracts.Topics;
import io.hazardledger.contracts.enterprise.EnterpriseRelocated;
import io.hazardledger.contracts.enterprise.EnterpriseUpdated;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.eventstore.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.hazardledger.registry.api.LedgerFixtures.CHANGYI;
import static io.hazardledger.registry.api.LedgerFixtures.LONGCHI;
import static io.hazardledger.registry.api.LedgerFixtures.ZHANGQIU;
import static io.hazardledger.registry.api.LedgerFixtures.entry;
import static io.hazardledger.registry.api.LedgerFixtures.newUscc;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every change of a ledger entry is its own event: updated in place, relocated, blacklisted and back. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class LedgerChangesTest {

    private static String registered(String name) {
        return Callers.regulator(CHANGYI).body(entry(newUscc(CHANGYI), name)).post("/api/enterprises")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aPatchChangesOnlyWhatItNamesAndPublishesTheFullNewDetails() {
        String id = registered("昌邑更新测试化工有限公司");
        Callers.regulator(CHANGYI).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("riskLevel", "RED", "contact", Map.of("phone", "0536-7999999")))
                .patch("/api/enterprises/" + id)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("riskLevel", equalTo("RED")).body("contact.name", equalTo("李安全"))
                .body("contact.phone", equalTo("0536-7999999")).body("streetCode", equalTo(LONGCHI));

        // The same patch again changes nothing and appends nothing.
        Callers.regulator(CHANGYI).body(Map.of("riskLevel", "RED")).patch("/api/enterprises/" + id)
                .then().statusCode(200).header("ETag", "\"2\"");
        // A stale precondition, a field that is not a detail, and a required field cleared are refused.
        Callers.regulator(CHANGYI).header("If-Match", "\"1\"").body(Map.of("riskLevel", "BLUE"))
                .patch("/api/enterprises/" + id).then().statusCode(412).contentType("application/problem+json");
        Callers.regulator(CHANGYI).body(Map.of("status", "CLOSED")).patch("/api/enterprises/" + id)
                .then().statusCode(400).body("errors.field", contains("status"));
        var clearName = new java.util.HashMap<String, Object>();
        clearName.put("name", null);
        Callers.regulator(CHANGYI).body(clearName).patch("/api/enterprises/" + id)
                .then().statusCode(400).body("errors.field", contains("name"));
        Callers.regulator(ZHANGQIU).body(Map.of("riskLevel", "BLUE")).patch("/api/enterprises/" + id)
                .then().statusCode(404);

        var records = TopicReader.awaitByKey(Topics.ENTERPRISE_EVENTS, id, 2, Duration.ofSeconds(30));
        var envelope = EventCodec.readEnvelope(records.get(1).value());
        assertEquals("EnterpriseUpdated", envelope.type());
        var updated = EventCodec.payload(envelope, EnterpriseUpdated.class);
        assertEquals(List.of("riskLevel", "contact"), updated.changedFields());
        assertEquals("昌邑更新测试化工有限公司", updated.name());
        assertEquals("26", updated.industryCode());
        assertEquals(2, updated.keyHazards().majorHazardSources());
        assertEquals(2, TopicReader.awaitByKey(Topics.ENTERPRISE_EVENTS, id, 3, Duration.ofSeconds(3)).size());
    }

    @Test
    void aMoveToAnotherDistrictIsARelocationFiledUnderTheNewDistrict() {
        String id = registered("昌邑迁址测试化工有限公司");
        Callers.regulator(CHANGYI).body(Map.of("districtCode", ZHANGQIU, "streetCode", "370114001",
                        "address", "章丘区明水街道", "reason", "整体搬迁入园"))
                .post("/api/enterprises/" + id + "/relocation")
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("districtCode", equalTo(ZHANGQIU)).body("streetCode", equalTo("370114001"))
                .body("address", equalTo("章丘区明水街道")).body("parkName", equalTo("昌邑龙池化工园区"));
        // Now the ledger of Zhangqiu keeps it; Changyi no longer does.
        Callers.regulator(CHANGYI).body(Map.of("riskLevel", "BLUE")).patch("/api/enterprises/" + id)
                .then().statusCode(404);
        // A street change in a PATCH is a relocation too (within the district), with its reason.
        Callers.regulator(ZHANGQIU).body(Map.of("streetCode", "370114002", "relocationReason", "厂区调整", "name", "章丘迁址测试化工有限公司"))
                .patch("/api/enterprises/" + id)
                .then().statusCode(200).header("ETag", "\"4\"").body("name", equalTo("章丘迁址测试化工有限公司"));

        var records = TopicReader.awaitByKey(Topics.ENTERPRISE_EVENTS, id, 4, Duration.ofSeconds(30));
        var moved = EventCodec.readEnvelope(records.get(1).value());
        assertEquals("EnterpriseRelocated", moved.type());
        assertEquals(ZHANGQIU, moved.districtCode());
        var relocated = EventCodec.payload(moved, EnterpriseRelocated.class);
        assertEquals(CHANGYI, relocated.fromDistrictCode());
        assertEquals(LONGCHI, relocated.fromStreetCode());
        assertEquals("整体搬迁入园", relocated.reason());
        var withinDistrict = EventCodec.payload(EventCodec.readEnvelope(records.get(2).value()), EnterpriseRelocated.class);
        assertEquals("370114001", withinDistrict.fromStreetCode());
        assertEquals("厂区调整", withinDistrict.reason());
        var renamed = EventCodec.readEnvelope(records.get(3).value());
        assertEquals("EnterpriseUpdated", renamed.type());
        assertEquals(List.of("name"), EventCodec.payload(renamed, EnterpriseUpdated.class).changedFields());
    }

    @Test
    void blacklistingAndLiftingItAreEvents() {
        String id = registered("昌邑失信测试化工有限公司");
        Callers.inspector(CHANGYI).body(Map.of("blacklisted", true, "reason", "严重失信"))
                .post("/api/enterprises/" + id + "/blacklist").then().statusCode(403);
        Callers.regulator(CHANGYI).body(Map.of("blacklisted", true, "reason", "昌应急失信〔2026〕1号"))
                .post("/api/enterprises/" + id + "/blacklist").then().statusCode(200).body("blacklisted", equalTo(true));
        Callers.regulator(CHANGYI).body(Map.of("blacklisted", true, "reason", "again"))
                .post("/api/enterprises/" + id + "/blacklist").then().statusCode(409).contentType("application/problem+json");
        Callers.analyst(null).get("/api/enterprises?blacklisted=true&districtCode=" + CHANGYI + "&size=200").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.blacklisted", equalTo(true));
        Callers.regulator(CHANGYI).body(Map.of("blacklisted", false, "reason", "信用修复"))
                .post("/api/enterprises/" + id + "/blacklist").then().statusCode(200).body("blacklisted", equalTo(false));
        Callers.regulator(CHANGYI).body(Map.of("reason", "no flag")).post("/api/enterprises/" + id + "/blacklist")
                .then().statusCode(400).body("errors.field", contains("blacklisted"));

        var types = TopicReader.awaitByKey(Topics.ENTERPRISE_EVENTS, id, 3, Duration.ofSeconds(30)).stream()
                .map(r -> EventCodec.readEnvelope(r.value()).type()).toList();
        assertEquals(List.of("EnterpriseRegistered", "EnterpriseBlacklisted", "EnterpriseUnblacklisted"), types);
        Callers.analyst(null).get("/api/enterprises/" + id).then().body("blacklisted", equalTo(false)).body("updatedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void searchFindsByChineseFragmentAndFilters() {
        String id = registered("昌邑检索样本精细化工有限公司");
        Callers.analyst(null).get("/api/enterprises?name=检索样本&districtCode=" + CHANGYI + "&riskLevel=ORANGE&keyHazardousProcess=true"
                        + "&category=HAZARDOUS_CHEMICALS_PRODUCTION&industryCode=26&streetCode=" + LONGCHI + "&status=ACTIVE")
                .then().statusCode(200).header("X-Total-Count", "1").body("id", contains(id));
        Callers.analyst(null).get("/api/enterprises?name=检索&riskLevel=BLUE").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        Callers.analyst(null).get("/api/enterprises?name=100%25_").then().statusCode(200).header("X-Total-Count", "0");
        Callers.analyst(null).get("/api/enterprises?sort=bogus").then().statusCode(400).contentType("application/problem+json");
        Callers.analyst(null).get("/api/enterprises?riskLevel=PURPLE").then().statusCode(400);
        Callers.analyst(null).get("/api/enterprises?name=检索样本&sort=-registeredAt").then().statusCode(200).body("[0].keyHazards.keyHazardousProcess", equalTo(true));
    }
}
