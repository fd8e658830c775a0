package io.hazardledger.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One step in the schema history of an event type: lifts a payload stored at {@code fromVersion} to
 * {@code fromVersion + 1}. A pure function of the payload (no clock, no I/O, no lookups), so an event reads the
 * same way every time, in every service.
 *
 * @param type        the event type, as named in {@link EventCatalog}
 * @param fromVersion the schema version the step reads; it produces {@code fromVersion + 1}
 * @param lift        the step; it is handed a copy of the payload, so it may change it in place and return it
 */
public record Upcaster(String type, int fromVersion, UnaryOperator<JsonNode> lift) {
    public Upcaster {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lift, "lift");
        if (fromVersion < 1) {
            throw new IllegalArgumentException("Schema versions start at 1: " + type + " from " + fromVersion);
        }
    }

    /** The schema version the step produces. */
    public int toVersion() {
        return fromVersion + 1;
    }
}
