package io.hazardledger.eventstore.http;

import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.domain.Role;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Every {@code /api} request must carry a valid bearer token (MicroProfile JWT); {@code /api/admin} needs the admin
 * role. Runs before every resource, so a refused request reaches no code that could change anything. Refusals are
 * problem+json like every other answer: 401 for a missing, expired or forged token, 403 for a token whose claims
 * make no caller or a non-admin on an admin endpoint. Authentication is lazy (proactive auth off) so that these
 * answers, not the HTTP layer's bare 401, reach the client.
 */
public class ApiAuthentication {
    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    RequestCaller callers;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .map(identity -> admit(identity, path.startsWith("/api/admin")))
                .onFailure(AuthenticationFailedException.class).recoverWithItem(ApiAuthentication::refusedToken)
                .onFailure(ProblemException.class).recoverWithItem(e -> ProblemMappers.respond(((ProblemException) e).problem()));
    }

    private Response admit(SecurityIdentity identity, boolean admin) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return challenge("This request needs a bearer token (Authorization: Bearer ...)");
        }
        Caller caller = RequestCaller.of(token);
        if (admin && caller.role() != Role.ADMIN) {
            return ProblemMappers.respond(Problem.of("forbidden", "Forbidden", 403, "Admin endpoints need the admin role"));
        }
        callers.set(caller);
        return null;
    }

    private static Response refusedToken(Throwable failure) {
        boolean expired = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                expired = true;
            }
        }
        return challenge(expired ? "The bearer token has expired"
                : "The bearer token is not valid (signature, issuer or format)");
    }

    private static Response challenge(String detail) {
        return Response.fromResponse(ProblemMappers.respond(unauthenticated(detail)))
                .header("WWW-Authenticate", "Bearer").build();
    }

    static Problem unauthenticated(String detail) {
        return Problem.of("unauthenticated", "Unauthenticated", 401, detail);
    }
}
