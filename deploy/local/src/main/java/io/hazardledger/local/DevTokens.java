package io.hazardledger.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints RS256 bearer tokens of the shape every service accepts (DESIGN §7): {@code sub}, {@code groups} with one
 * role, {@code district} for district-scoped roles, {@code enterprise_id} for enterprise users. For the local stack,
 * the demo data and tests; a real install gets its tokens from Keycloak.
 */
public final class DevTokens {
    /** The issuer of locally minted tokens; services accept it by default ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "https://hazard-ledger.local/dev";
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    private DevTokens() {
    }

    /** A readable subject for a demo or test caller, e.g. {@code regulator-370786}. */
    public static String subject(String role, String district, UUID enterpriseId) {
        return role + "-" + (district != null ? district : enterpriseId != null ? enterpriseId : "all");
    }

    /** A token for a demo or test caller, its subject derived from role and scope ({@link #subject}). */
    public static String forCaller(PrivateKey key, String role, String district, UUID enterpriseId) {
        return mint(key, subject(role, district, enterpriseId), role, district, enterpriseId);
    }

    public static String mint(PrivateKey key, String subject, String role, String district, UUID enterpriseId) {
        Instant now = Instant.now();
        return mint(key, subject, role, district, enterpriseId, now, now.plus(DEFAULT_LIFETIME));
    }

    public static String mint(PrivateKey key, String subject, String role, String district, UUID enterpriseId,
                              Instant issuedAt, Instant expiresAt) {
        StringBuilder claims = new StringBuilder("{\"iss\":\"").append(ISSUER).append("\",\"sub\":").append(quote(subject))
                .append(",\"upn\":").append(quote(subject))
                .append(",\"groups\":[").append(quote(role)).append("]")
                .append(",\"iat\":").append(issuedAt.getEpochSecond())
                .append(",\"exp\":").append(expiresAt.getEpochSecond())
                .append(",\"jti\":\"").append(UUID.randomUUID()).append('"');
        if (district != null) {
            claims.append(",\"district\":").append(quote(district));
        }
        if (enterpriseId != null) {
            claims.append(",\"enterprise_id\":\"").append(enterpriseId).append('"');
        }
        claims.append('}');
        String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(claims.toString());
        return signingInput + "." + sign(key, signingInput);
    }

    private static String sign(PrivateKey key, String input) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
