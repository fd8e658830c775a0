package io.hazardledger.eventstore.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Answers about one aggregate carry its stream version as a strong ETag, for {@code If-Match} on commands. */
public final class Versioned {
    private Versioned() {
    }

    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(new EntityTag(Long.toString(version))).build();
    }

    public static Response created(URI location, Object body, long version) {
        return Response.created(location).entity(body).tag(new EntityTag(Long.toString(version))).build();
    }
}
