package io.hazardledger.eventstore.http;

import io.hazardledger.contracts.Actor;
import io.hazardledger.eventstore.CommandContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id ({@value #HEADER}: the caller's when it sends a sane one, else a new one),
 * echoes it in the response and hands it to commands through {@link #commandContext()}.
 */
@ApplicationScoped
public class RequestCorrelation {
    public static final String HEADER = "X-Correlation-Id";
    private static final String KEY = RequestCorrelation.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** A request that names no caller (the endpoints that do not yet require one). */
    private static final Actor ANONYMOUS = new Actor("anonymous", "anonymous");

    @Inject
    CurrentVertxRequest currentRequest;

    @ServerRequestFilter(preMatching = true)
    public void assign(RoutingContext routing) {
        String given = routing.request().getHeader(HEADER);
        routing.put(KEY, given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString());
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response, RoutingContext routing) {
        Object id = routing.get(KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    @Inject
    RequestCaller caller;

    /** The context of a command issued by the current HTTP request, naming its caller when it has one. */
    public CommandContext commandContext() {
        String correlationId = currentRequest.getCurrent().get(KEY);
        Actor actor = caller.optional().map(c -> new Actor(c.subject(), c.role().name().toLowerCase())).orElse(ANONYMOUS);
        return new CommandContext(actor, correlationId, "http:" + correlationId);
    }
}
