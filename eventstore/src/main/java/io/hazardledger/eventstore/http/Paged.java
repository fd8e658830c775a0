package io.hazardledger.eventstore.http;

import jakarta.ws.rs.core.Response;

import java.util.List;

/** A page of a list answer: the items as the body, the total in {@value #TOTAL_HEADER}. */
public record Paged<T>(List<T> items, long total) {
    public static final String TOTAL_HEADER = "X-Total-Count";

    public Response toResponse() {
        return Response.ok(items).header(TOTAL_HEADER, total).build();
    }
}
