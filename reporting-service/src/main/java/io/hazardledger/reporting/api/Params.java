package io.hazardledger.reporting.api;

import io.hazardledger.eventstore.http.ProblemException;

import java.util.UUID;
import java.util.regex.Pattern;

/** Query and path parameters that JAX-RS would reject without naming them: each failure is a 400 naming it. */
final class Params {
    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");

    private Params() {
    }

    static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw ProblemException.invalid(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number between " + min + " and " + max);
        }
    }

    static int required(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(name, "is required");
        }
        return integer(name, value, 0, min, max);
    }

    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    /** A 6-digit GB/T 2260 code, or null when absent. */
    static String district(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!DISTRICT.matcher(value.strip()).matches()) {
            throw ProblemException.invalid(name, "must be a 6-digit GB/T 2260 district code");
        }
        return value.strip();
    }
}
