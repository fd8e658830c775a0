package io.hazardledger.registry.api;

import io.hazardledger.contracts.Topics;
import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.eventstore.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.hazardledger.registry.api.EnterpriseResourceTest.newUscc;
import static io.hazardledger.registry.api.EnterpriseResourceTest.registration;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class IdempotencyTest {
    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    Pool pool;

    static ExtractableResponse<Response> register(String key, Map<String, Object> body) {
        return Callers.admin().header(KEY, key).body(body).post("/api/enterprises").then().extract();
    }

    /** A registration in a district no other test uses, so the ledger's count of it is this test's alone. */
    static Map<String, Object> registrationIn(String districtCode) {
        var body = new HashMap<>(registration(newUscc()));
        body.put("districtCode", districtCode);
        return body;
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndRegistersOnce() {
        String key = UUID.randomUUID().toString();
        var body = registrationIn("370703");

        var first = register(key, body);
        var retry = register(key, body);

        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode());
        assertEquals(null, first.header(REPLAYED));
        assertEquals("true", retry.header(REPLAYED));
        String id = first.path("id");
        assertEquals(id, retry.path("id"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(first.body().asString(), retry.body().asString());

        assertEquals(1, TopicReader.awaitByKey(Topics.ENTERPRISE_EVENTS, id, 2, Duration.ofSeconds(5)).size());
        Callers.analyst(null).get("/api/enterprises?districtCode=370703").then().statusCode(200)
                .header("X-Total-Count", "1").body("id", equalTo(List.of(id)));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndRegistersNothing() {
        String key = UUID.randomUUID().toString();
        assertEquals(201, register(key, registrationIn("370704")).statusCode());

        Callers.admin().header(KEY, key).body(registrationIn("370705")).post("/api/enterprises")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/idempotency-key-reused")).body("status", equalTo(422));
        Callers.analyst(null).get("/api/enterprises?districtCode=370705").then().statusCode(200).header("X-Total-Count", "0");
    }

    @Test
    void aRefusedRequestLeavesTheKeyFreeForTheCorrectedOne() {
        String key = UUID.randomUUID().toString();
        // Refused by bean validation, before the key is looked at.
        Callers.admin().header(KEY, key).body(Map.of("name", "无代码企业")).post("/api/enterprises")
                .then().statusCode(400);
        // Refused by the domain while the key was held: it is let go, so this is not a 422 for a reused key.
        var wrongCheckCharacter = new HashMap<>(registration("91350100M000100Y44"));
        Callers.admin().header(KEY, key).body(wrongCheckCharacter).post("/api/enterprises")
                .then().statusCode(400).body("errors[0].field", equalTo("uscc"));

        var corrected = registration(newUscc());
        var registered = register(key, corrected);
        assertEquals(201, registered.statusCode());
        assertEquals(null, registered.header(REPLAYED));
        var retry = register(key, corrected);
        assertEquals(201, retry.statusCode());
        assertEquals("true", retry.header(REPLAYED));
        assertEquals((String) registered.path("id"), retry.path("id"));
    }

    @Test
    void aKeyThatIsBlankOrTooLongIsAProblemNamingTheHeader() {
        Callers.admin().header(KEY, "k".repeat(256)).body(registration(newUscc()))
                .post("/api/enterprises")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(KEY));
        Callers.admin().header(KEY, "   ").body(registration(newUscc()))
                .post("/api/enterprises")
                .then().statusCode(400).body("errors[0].field", equalTo(KEY));
    }

    @Test
    void aRequestStillRunningHoldsItsKeyUntilItCountsAsAbandoned() {
        String key = UUID.randomUUID().toString();
        var body = registration(newUscc());
        assertEquals(201, register(key, body).statusCode());

        // As if the first request were still running: no answer yet, reserved just now.
        sql("UPDATE es_idempotency SET status = NULL, body = NULL, completed_at = NULL WHERE idempotency_key = $1", key);
        Callers.admin().header(KEY, key).body(body).post("/api/enterprises")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/idempotency-key-in-progress"));

        // As if it had died before its command committed: a retry takes the key over and runs the command, which this
        // time finds the code taken.
        sql("UPDATE es_idempotency SET created_at = clock_timestamp() - interval '2 minutes', committed_at = NULL"
                + " WHERE idempotency_key = $1", key);
        Callers.admin().header(KEY, key).body(body).post("/api/enterprises")
                .then().statusCode(409).body("type", endsWith("/duplicate-uscc"))
                .header(REPLAYED, nullValue()).body("detail", containsString((String) body.get("uscc")));
    }

    @Test
    void aCommandThatCommittedIsNeverRunAgainEvenIfItsAnswerWasLost() {
        String key = UUID.randomUUID().toString();
        var body = registrationIn("370724");
        var first = register(key, body);
        assertEquals(201, first.statusCode());
        String id = first.path("id");
        assertEquals(1L, count("SELECT count(*) FROM es_idempotency WHERE idempotency_key = $1 AND committed_at IS NOT NULL", key),
                "the commit of the registration marked its key");

        // As if the service had died after the commit and before storing the answer, a minute and more ago.
        sql("UPDATE es_idempotency SET status = NULL, body = NULL, completed_at = NULL,"
                + " created_at = clock_timestamp() - interval '2 minutes' WHERE idempotency_key = $1", key);
        Callers.admin().header(KEY, key).body(body).post("/api/enterprises")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/idempotency-key-answer-lost")).header(REPLAYED, nullValue());

        // Nothing ran again: the one registration, and its one event.
        Callers.analyst(null).get("/api/enterprises?districtCode=370724").then().statusCode(200)
                .header("X-Total-Count", "1").body("id", equalTo(List.of(id)));
        assertEquals(1L, count("SELECT count(*) FROM es_event WHERE stream_id = CAST($1 AS uuid)", id));
    }

    private long count(String query, String parameter) {
        return pool.preparedQuery(query).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private void sql(String statement, String key) {
        pool.preparedQuery(statement).execute(Tuple.of(key)).await().atMost(Duration.ofSeconds(10));
    }
}
