package io.hazardledger.eventstore.http;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a JSON body over {@code hazardledger.http.max-json-body-bytes} with 413 before it is parsed. Other bodies (the
 * CSV import) are bounded by {@code quarkus.http.limits.max-body-size} only.
 */
public class JsonBodyLimit {
    /** Largest JSON request body accepted. */
    @ConfigProperty(name = "hazardledger.http.max-json-body-bytes", defaultValue = "262144")
    long maxJsonBodyBytes;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100, preMatching = true)
    public Response check(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !type.getSubtype().endsWith("json") || request.getLength() <= maxJsonBodyBytes) {
            return null;
        }
        return ProblemMappers.respond(Problem.of("payload-too-large", "Payload too large", 413,
                "A JSON body may have at most " + maxJsonBodyBytes + " bytes; this one has " + request.getLength()));
    }
}
