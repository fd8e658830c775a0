package io.hazardledger.eventstore.http;

import io.hazardledger.eventstore.domain.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.Set;

/**
 * A token bucket per caller for commands, so one misbehaving partner system cannot starve the others: over the rate
 * the answer is 429 with {@code Retry-After}, and nothing is done. Reads are not limited. The buckets live in each
 * instance, so the rate applies per instance.
 */
@ApplicationScoped
public class CommandRateLimit {
    private static final Set<String> COMMANDS = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    RequestCaller callers;
    @Inject
    TokenBuckets buckets;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 10)
    public Response limit(ContainerRequestContext request) {
        if (!COMMANDS.contains(request.getMethod())) {
            return null;
        }
        Optional<Caller> caller = callers.optional();
        if (caller.isEmpty()) {
            return null;
        }
        long waitMillis = buckets.take(caller.get().subject());
        if (waitMillis == 0) {
            return null;
        }
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        return Response.fromResponse(ProblemMappers.respond(Problem.of("too-many-requests", "Too many requests", 429,
                        "Command rate exceeded for " + caller.get().subject() + "; retry in " + seconds + " s")))
                .header("Retry-After", Long.toString(seconds)).build();
    }
}
