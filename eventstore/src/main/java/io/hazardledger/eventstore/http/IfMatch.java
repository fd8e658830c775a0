package io.hazardledger.eventstore.http;

/** Reads the {@code If-Match} header of a command: a strong ETag holding the aggregate version, or none. */
public final class IfMatch {
    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    /** The version the client expects, or null when it sent no precondition (or {@code *}). */
    public static Long version(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("\"") && tag.endsWith("\"") && tag.length() >= 2) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(HEADER, "must be an ETag from this API, e.g. \"3\"");
        }
    }
}
