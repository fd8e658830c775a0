package io.hazardledger.eventstore.http;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.local.DevTokens;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bearer tokens verified once and answered from memory, never past their expiry nor for another signature. */
class VerifiedTokensTest {
    private final JWTAuthContextInfo context = new JWTAuthContextInfo(Callers.verificationKey(), DevTokens.ISSUER);
    private long now = Instant.now().getEpochSecond();

    private VerifiedTokens tokens(int capacity) {
        return new VerifiedTokens(() -> now, capacity);
    }

    @Test
    void aTokenIsVerifiedOnceAndAnsweredFromMemoryUntilItExpires() throws ParseException {
        VerifiedTokens tokens = tokens(16);
        String token = Callers.token("inspector", "370786", null);
        JWTCallerPrincipal first = tokens.parse(token, context);
        assertSame(first, tokens.parse(token, context));
        now = first.getExpirationTime() - 1;
        assertSame(first, tokens.parse(token, context));
        // At its expiry the full check decides again (here on the real clock, which still lets it in).
        now = first.getExpirationTime();
        assertNotSame(first, tokens.parse(token, context));
    }

    @Test
    void theSameClaimsUnderAnotherSignatureAreRefusedWhileTheGenuineTokenIsKnown() throws ParseException {
        VerifiedTokens tokens = tokens(16);
        String genuine = Callers.token("admin", null, null);
        tokens.parse(genuine, context);
        String otherSignature = Callers.token("admin", null, null).split("\\.")[2];
        String forged = genuine.substring(0, genuine.lastIndexOf('.') + 1) + otherSignature;
        assertThrows(ParseException.class, () -> tokens.parse(forged, context));
    }

    @Test
    void aTokenKnownUnderOtherSettingsIsVerifiedAgain() throws ParseException {
        VerifiedTokens tokens = tokens(16);
        String token = Callers.token("admin", null, null);
        tokens.parse(token, context);
        JWTAuthContextInfo otherIssuer = new JWTAuthContextInfo(Callers.verificationKey(), "https://elsewhere.example");
        assertThrows(ParseException.class, () -> tokens.parse(token, otherIssuer));
    }

    @Test
    void aConfiguredTokenAgeEndsTheMemoryEarlier() throws ParseException {
        context.setTokenAge(300L);
        VerifiedTokens tokens = tokens(16);
        String token = Callers.token("analyst", "370786", null);
        JWTCallerPrincipal first = tokens.parse(token, context);
        now = first.getIssuedAtTime() + 299;
        assertSame(first, tokens.parse(token, context));
        now = first.getIssuedAtTime() + 300;
        assertNotSame(first, tokens.parse(token, context));
    }

    @Test
    void everyClaimReadsAsTheTokenSaysStandardAndCustom() throws ParseException {
        UUID enterprise = UUID.randomUUID();
        JWTCallerPrincipal principal = tokens(16).parse(Callers.token("enterprise-user", "enterprise", "370786",
                enterprise), context);
        assertEquals("enterprise-user", principal.getSubject());
        assertEquals("enterprise-user", principal.getName());
        assertEquals(Set.of("enterprise"), principal.getGroups());
        assertEquals(DevTokens.ISSUER, principal.getIssuer());
        assertEquals("370786", principal.getClaim(RequestCaller.DISTRICT_CLAIM));
        assertEquals(enterprise.toString(), principal.getClaim(RequestCaller.ENTERPRISE_CLAIM));
        assertEquals(Long.valueOf(principal.getExpirationTime()), principal.<Long>getClaim("exp"));
        assertNull(principal.getClaim("not_in_the_token"));
    }

    @Test
    void theMemoryHoldsNoMoreThanItsCapacityExpiredTokensLeavingFirst() throws ParseException {
        VerifiedTokens tokens = tokens(3);
        Instant start = Instant.ofEpochSecond(now);
        tokens.parse(Callers.tokenExpiringAt("regulator", "370786", null, start.plusSeconds(100)), context);
        tokens.parse(Callers.tokenExpiringAt("regulator", "370786", null, start.plusSeconds(200)), context);
        String lasting = Callers.token("regulator", "370786", null);
        JWTCallerPrincipal kept = tokens.parse(lasting, context);
        assertEquals(3, tokens.size());
        // Full, one of them expired by now: only that one leaves.
        now += 150;
        tokens.parse(Callers.token("regulator", "370786", null), context);
        assertEquals(3, tokens.size());
        assertSame(kept, tokens.parse(lasting, context));
        // Full of live tokens: all leave, and the newcomer is kept.
        now += 10;
        String newcomer = Callers.token("regulator", "370786", null);
        JWTCallerPrincipal last = tokens.parse(newcomer, context);
        assertEquals(1, tokens.size());
        assertSame(last, tokens.parse(newcomer, context));
    }
}
