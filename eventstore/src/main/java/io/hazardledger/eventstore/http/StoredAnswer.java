package io.hazardledger.eventstore.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The part of a command's answer that a replay repeats: status, Location, ETag and the body as sent. */
record StoredAnswer(int status, String contentType, String location, String etag, String body) {

    static StoredAnswer of(Response response, ObjectMapper json) {
        Object entity = response.getEntity();
        MediaType type = response.getMediaType();
        String body;
        try {
            body = entity == null || entity instanceof String ? (String) entity : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Answer of " + response.getStatus() + " cannot be stored as JSON", e);
        }
        // Without an explicit type the entity went out as the endpoints' JSON, which is what it is stored as.
        String contentType = type != null ? type.toString() : body == null ? null : MediaType.APPLICATION_JSON;
        return new StoredAnswer(response.getStatus(), contentType, response.getHeaderString(HttpHeaders.LOCATION),
                response.getHeaderString(HttpHeaders.ETAG), body);
    }

    static StoredAnswer of(Row row) {
        return new StoredAnswer(row.getInteger("status"), row.getString("content_type"), row.getString("location"),
                row.getString("etag"), row.getString("body"));
    }

    /** The stored answer again, marked as a replay. */
    Response replay() {
        Response.ResponseBuilder answer = Response.status(status).header(IdempotencyInterceptor.REPLAYED_HEADER, "true");
        if (location != null) {
            answer.header(HttpHeaders.LOCATION, location);
        }
        if (etag != null) {
            answer.header(HttpHeaders.ETAG, etag);
        }
        if (body != null) {
            answer.entity(body).type(contentType);
        }
        return answer.build();
    }
}
