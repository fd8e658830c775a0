package io.hazardledger.eventstore.http;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * RFC 9457 problem details, the body of every 4xx and 5xx answer ({@code application/problem+json}).
 *
 * @param type   URI naming the kind of problem
 * @param title  short summary of the kind
 * @param status HTTP status
 * @param detail what went wrong this time
 * @param errors one entry per bad field, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://hazardledger.io/problems/";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors.isEmpty() ? null : fieldErrors);
    }

    /** A field that failed validation and why. */
    public record FieldError(String field, String message) {
    }
}
