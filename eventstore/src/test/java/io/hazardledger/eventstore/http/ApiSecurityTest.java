package io.hazardledger.eventstore.http;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edge every service shares: bearer tokens, admin-only endpoints and metrics, input limits, rate limits. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ApiSecurityTest {
    private static final String ADMIN_ENDPOINT = "/api/admin/events?limit=1";

    @Inject
    JWTParser tokens;

    @Test
    void anApiRequestWithoutATokenIsUnauthenticatedProblemJson() {
        given().get(ADMIN_ENDPOINT).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("detail", containsString("bearer token"));
    }

    @Test
    void anExpiredTokenIsRefusedAndSaysSo() {
        given().header("Authorization", "Bearer " + Callers.expiredToken("admin", null, null, Duration.ofMinutes(10)))
                .get(ADMIN_ENDPOINT).then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("expired"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        given().header("Authorization", "Bearer " + Callers.forgedToken("admin", null, null))
                .get(ADMIN_ENDPOINT).then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("not valid"));
    }

    @Test
    void aRepeatedTokenIsVerifiedOnce() throws ParseException {
        String token = Callers.token("admin", null, null);
        assertSame(tokens.parse(token), tokens.parse(token), "the second parse came from the verified tokens");
        Callers.admin().get(ADMIN_ENDPOINT).then().statusCode(200);
    }

    @Test
    void garbageInTheAuthorizationHeaderIsRefused() {
        given().header("Authorization", "Bearer not.a.token").get(ADMIN_ENDPOINT).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void adminEndpointsNeedTheAdminRole() {
        Callers.analyst(null).get(ADMIN_ENDPOINT).then().statusCode(403).contentType("application/problem+json");
        Callers.regulator("370786").get(ADMIN_ENDPOINT).then().statusCode(403);
        Callers.admin().get(ADMIN_ENDPOINT).then().statusCode(200);
    }

    @Test
    void aRegulatorTokenWithoutADistrictMakesNoCaller() {
        Callers.as("regulator", null, null).get(ADMIN_ENDPOINT).then().statusCode(403)
                .body("detail", containsString("district"));
    }

    @Test
    void metricsAreForAdminsAndHealthIsOpen() {
        given().get("/q/metrics").then().statusCode(401);
        Callers.analyst(null).get("/q/metrics").then().statusCode(403);
        Callers.admin().get("/q/metrics").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void anOversizedJsonBodyIsRefusedBeforeItIsRead() {
        String big = "{\"x\":\"" + "a".repeat(300_000) + "\"}";
        Callers.admin().body(big).post("/api/admin/dead-letters/1/retry").then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void commandsOverTheRatePerCallerAre429WithRetryAfter() {
        String token = Callers.token("rate-probe", "admin", null, null);
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 30 && limited == null; i++) {
            Response answer = given().header("Authorization", "Bearer " + token).post("/api/admin/dead-letters/0/retry");
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 429) {
                limited = answer;
            }
        }
        assertTrue(limited != null, "no 429 within 30 commands: " + statuses);
        assertTrue(statuses.size() > 20, "the burst of 20 was granted first: " + statuses);
        assertEquals("application/problem+json", limited.contentType());
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        // Another caller keeps its own budget, and reads are never limited.
        Callers.admin().post("/api/admin/dead-letters/0/retry").then().statusCode(not(equalTo(429)));
        given().header("Authorization", "Bearer " + token).get(ADMIN_ENDPOINT).then().statusCode(200);
    }

    @Test
    void corsIsClosed() {
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .options(ADMIN_ENDPOINT).then().header("Access-Control-Allow-Origin", (String) null);
    }
}
