package io.hazardledger.eventstore.http;

import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.domain.Role;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The caller of the current request. Until bearer tokens are required it is read from the headers
 * {@value #SUBJECT}, {@value #ROLE} ({@code enterprise|inspector|regulator|analyst|admin}), {@value #DISTRICT}
 * and {@value #ENTERPRISE}, which the token claims ({@code sub}, {@code groups}, {@code district},
 * {@code enterprise_id}) replace one for one.
 */
@ApplicationScoped
public class RequestCaller {
    public static final String SUBJECT = "X-Actor";
    public static final String ROLE = "X-Actor-Role";
    public static final String DISTRICT = "X-Actor-District";
    public static final String ENTERPRISE = "X-Actor-Enterprise";
    private static final Pattern DISTRICT_CODE = Pattern.compile("[0-9]{6}");

    @Inject
    CurrentVertxRequest currentRequest;

    /** The caller, or 401 when the request names none. */
    public Caller current() {
        return optional().orElseThrow(() -> new ProblemException(Problem.of("unauthenticated", "Unauthenticated", 401,
                "This request needs a caller: " + SUBJECT + " and " + ROLE)));
    }

    public Optional<Caller> optional() {
        HttpServerRequest request = currentRequest.getCurrent().request();
        String subject = request.getHeader(SUBJECT);
        String role = request.getHeader(ROLE);
        if (subject == null || subject.isBlank() || role == null) {
            return Optional.empty();
        }
        Role parsed = parseRole(role);
        String district = request.getHeader(DISTRICT);
        if (district != null && !DISTRICT_CODE.matcher(district).matches()) {
            throw ProblemException.invalid(DISTRICT, "must be a 6-digit GB/T 2260 code");
        }
        return Optional.of(new Caller(subject.strip(), parsed, district, enterprise(request.getHeader(ENTERPRISE))));
    }

    private static Role parseRole(String role) {
        try {
            Role parsed = Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
            if (parsed == Role.SYSTEM) {
                throw new IllegalArgumentException();
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(ROLE, "must be one of enterprise, inspector, regulator, analyst, admin");
        }
    }

    private static UUID enterprise(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(ENTERPRISE, "must be an enterprise id (UUID)");
        }
    }
}
