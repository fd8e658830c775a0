package io.hazardledger.eventstore.testing;

import io.hazardledger.local.DevKeys;
import io.hazardledger.local.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/**
 * How every test names the caller of a request: a bearer token signed with the test-only key that
 * {@link TestInfrastructure} makes the service under test trust. The one place that knows how a caller is carried.
 */
public final class Callers {
    /** Classpath location of the public half, for {@code mp.jwt.verify.publickey.location}. */
    static final String VERIFICATION_KEY = "io/hazardledger/eventstore/testing/jwt/test-only-verification-key.pem";
    private static final String SIGNING_KEY = "/io/hazardledger/eventstore/testing/jwt/test-only-signing-key.pem";
    private static final PrivateKey KEY = DevKeys.readPrivateKey(resource(SIGNING_KEY));

    private Callers() {
    }

    /** A JSON request made by a caller of {@code role} in {@code district} (may be null) for {@code enterprise} (may be null). */
    public static RequestSpecification as(String role, String district, UUID enterprise) {
        return given().contentType(ContentType.JSON).headers(headers(role, district, enterprise));
    }

    public static RequestSpecification regulator(String district) {
        return as("regulator", district, null);
    }

    public static RequestSpecification inspector(String district) {
        return as("inspector", district, null);
    }

    public static RequestSpecification analyst(String district) {
        return as("analyst", district, null);
    }

    public static RequestSpecification admin() {
        return as("admin", null, null);
    }

    public static RequestSpecification enterprise(UUID enterpriseId) {
        return as("enterprise", null, enterpriseId);
    }

    /** The headers that identify such a caller, for clients other than RestAssured. */
    public static Map<String, String> headers(String role, String district, UUID enterprise) {
        return Map.of("Authorization", "Bearer " + token(role, district, enterprise));
    }

    public static String token(String role, String district, UUID enterprise) {
        return DevTokens.forCaller(KEY, role, district, enterprise);
    }

    /** The public half of the test-only key, which verifies every token minted here. */
    public static PublicKey verificationKey() {
        return DevKeys.readPublicKey(resource("/" + VERIFICATION_KEY));
    }

    /** A token for a caller with a subject of its own. */
    public static String token(String subject, String role, String district, UUID enterprise) {
        return DevTokens.mint(KEY, subject, role, district, enterprise);
    }

    /**
     * The three callers every API endpoint answers 401, by name: no token, a token that expired five minutes ago and
     * one signed with a key the service does not trust — each otherwise a {@code role} of {@code district}.
     */
    public static Map<String, Supplier<RequestSpecification>> unauthenticated(String role, String district) {
        Map<String, Supplier<RequestSpecification>> callers = new LinkedHashMap<>();
        callers.put("no token", () -> given().contentType(ContentType.JSON));
        callers.put("expired token", () -> given().contentType(ContentType.JSON)
                .auth().oauth2(expiredToken(role, district, null, java.time.Duration.ofMinutes(5))));
        callers.put("forged token", () -> given().contentType(ContentType.JSON)
                .auth().oauth2(forgedToken(role, district, null)));
        return callers;
    }

    /** A token that expired {@code ago} before now, otherwise like {@link #token}. */
    public static String expiredToken(String role, String district, UUID enterprise, java.time.Duration ago) {
        return tokenExpiringAt(role, district, enterprise, Instant.now().minus(ago));
    }

    /** A token issued an hour before it expires at {@code expiresAt}, otherwise like {@link #token}. */
    public static String tokenExpiringAt(String role, String district, UUID enterprise, Instant expiresAt) {
        return DevTokens.mint(KEY, DevTokens.subject(role, district, enterprise), role, district, enterprise,
                expiresAt.minusSeconds(3600), expiresAt);
    }

    /** A well-formed token signed with a key the service does not trust. */
    public static String forgedToken(String role, String district, UUID enterprise) {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return DevTokens.mint(generator.generateKeyPair().getPrivate(), DevTokens.subject(role, district, enterprise),
                    role, district, enterprise);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = Callers.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
