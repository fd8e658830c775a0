package io.hazardledger.eventstore.http;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Verifies each bearer token once and answers its repeats from memory until it expires: a partner system sends the
 * same token with every request for its whole lifetime, and checking its RS256 signature again was a tenth of
 * hazard-service's CPU under load. The cache is keyed by the whole token, signature included, so only the very text
 * once verified is let in without the check, and only under the same verification settings; a token is never answered
 * from memory at or after its {@code exp} (nor past {@code iat} + the configured token age), where the full check, with
 * its clock skew, decides again. Refusals are not kept. Replaces smallrye-jwt's default factory as a CDI alternative.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {
    /** Tokens kept at most; past it the expired ones go, and if that made no room, all (they are verified again). */
    private static final int CAPACITY = 4096;

    private final DefaultJWTTokenParser parser = new DefaultJWTTokenParser();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final LongSupplier epochSeconds;
    private final int capacity;

    public VerifiedTokens() {
        this(() -> System.currentTimeMillis() / 1000, CAPACITY);
    }

    VerifiedTokens(LongSupplier epochSeconds, int capacity) {
        this.epochSeconds = epochSeconds;
        this.capacity = capacity;
    }

    /** A token's principal, the verification settings it passed under, and until when (epoch seconds) it holds. */
    private record Verified(JWTCallerPrincipal principal, JWTAuthContextInfo settings, long until) {
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        long now = epochSeconds.getAsLong();
        Verified known = verified.get(token);
        if (known != null && known.settings() == authContextInfo && now < known.until()) {
            return known.principal();
        }
        JwtContext context = parser.parse(token, authContextInfo);
        String type = context.getJoseObjects().get(0).getHeader("typ");
        TokenPrincipal principal = new TokenPrincipal(type, context.getJwtClaims());
        long until = principal.getExpirationTime();
        if (authContextInfo.getTokenAge() != null) {
            until = Math.min(until, principal.getIssuedAtTime() + authContextInfo.getTokenAge());
        }
        if (verified.size() >= capacity) {
            verified.values().removeIf(entry -> now >= entry.until());
            if (verified.size() >= capacity) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(principal, authContextInfo, until));
        return principal;
    }

    int size() {
        return verified.size();
    }

    /**
     * smallrye-jwt's principal, except that it names a claim's kind by a map lookup: the default asks
     * {@code Claims.valueOf}, which throws and catches an exception for every custom claim ({@code district},
     * {@code enterprise_id}) read on every request.
     */
    private static final class TokenPrincipal extends DefaultJWTCallerPrincipal {
        private static final Map<String, Claims> STANDARD = Arrays.stream(Claims.values())
                .collect(Collectors.toUnmodifiableMap(Claims::name, Function.identity()));

        TokenPrincipal(String tokenType, JwtClaims claims) {
            super(tokenType, claims);
        }

        @Override
        protected Claims getClaimType(String claimName) {
            return STANDARD.getOrDefault(claimName, Claims.UNKNOWN);
        }
    }
}
