package io.hazardledger.eventstore.http;

import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.domain.Role;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The caller of the current request, taken from its verified bearer token (DESIGN §7): {@code sub} is the subject,
 * {@code groups} holds exactly one role ({@code enterprise|inspector|regulator|analyst|admin}), {@code district} the
 * 6-digit district code of inspectors, regulators and analysts, {@code enterprise_id} the enterprise of an enterprise
 * user. {@link ApiAuthentication} verifies the token before any {@code /api} resource runs and leaves the caller here.
 */
@ApplicationScoped
public class RequestCaller {
    static final String CONTEXT_KEY = "hazardledger.caller";
    public static final String DISTRICT_CLAIM = "district";
    public static final String ENTERPRISE_CLAIM = "enterprise_id";
    private static final Pattern DISTRICT_CODE = Pattern.compile("[0-9]{6}");
    private static final List<Role> TOKEN_ROLES =
            List.of(Role.ENTERPRISE, Role.INSPECTOR, Role.REGULATOR, Role.ANALYST, Role.ADMIN);

    @Inject
    CurrentVertxRequest currentRequest;

    /** The caller, or 401 when the request carries no valid token. */
    public Caller current() {
        return optional().orElseThrow(() -> new ProblemException(ApiAuthentication.unauthenticated(
                "This request needs a bearer token")));
    }

    public Optional<Caller> optional() {
        return currentRequest.getCurrent() == null ? Optional.empty()
                : Optional.ofNullable(currentRequest.getCurrent().get(CONTEXT_KEY));
    }

    void set(Caller caller) {
        currentRequest.getCurrent().put(CONTEXT_KEY, caller);
    }

    /** The caller a verified token names; a token whose claims do not make one caller is refused (403). */
    static Caller of(JsonWebToken token) {
        String subject = token.getSubject() != null ? token.getSubject() : token.getName();
        if (subject == null || subject.isBlank()) {
            throw forbidden("the token names no subject (sub)");
        }
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        List<Role> roles = TOKEN_ROLES.stream().filter(r -> groups.contains(r.name().toLowerCase(Locale.ROOT))).toList();
        if (roles.size() != 1) {
            throw forbidden("the token must carry exactly one of the roles enterprise, inspector, regulator, analyst, "
                    + "admin in groups; it carries " + roles.size());
        }
        Role role = roles.get(0);
        String district = claim(token, DISTRICT_CLAIM);
        if (district != null && !DISTRICT_CODE.matcher(district).matches()) {
            throw forbidden("the district claim must be a 6-digit GB/T 2260 code");
        }
        UUID enterprise = enterprise(claim(token, ENTERPRISE_CLAIM));
        if (role == Role.ENTERPRISE && enterprise == null) {
            throw forbidden("an enterprise user's token names its enterprise (enterprise_id)");
        }
        if ((role == Role.INSPECTOR || role == Role.REGULATOR) && district == null) {
            throw forbidden("an inspector's or regulator's token names its district");
        }
        return new Caller(subject.strip(), role, district, enterprise);
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return null;
        }
        String text = value instanceof jakarta.json.JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? null : text.strip();
    }

    private static UUID enterprise(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw forbidden("the enterprise_id claim must be an enterprise id (UUID)");
        }
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of("forbidden", "Forbidden", 403, detail));
    }
}
