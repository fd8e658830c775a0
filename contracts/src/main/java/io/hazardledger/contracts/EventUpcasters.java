package io.hazardledger.contracts;

import java.util.List;

/**
 * The upcasters of the published events, the schema history that belongs with {@link EventCatalog}: when an
 * event's {@code schemaVersion} goes from n to n+1 there, the step from n is added here, together with a stored
 * golden event of version n in the tests, so every event ever written stays readable.
 */
public final class EventUpcasters {
    // No published event has changed its schema yet.
    private static final List<Upcaster> ALL = List.of();

    private EventUpcasters() {
    }

    public static List<Upcaster> all() {
        return ALL;
    }
}
