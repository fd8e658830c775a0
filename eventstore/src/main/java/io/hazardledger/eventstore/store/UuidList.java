package io.hazardledger.eventstore.store;

import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A list of ids bound as one SQL parameter: comma-separated text that the statement turns into {@code uuid[]}, so a
 * batch of any size is one statement with one parameter (and an empty list an empty array).
 */
public final class UuidList {
    private UuidList() {
    }

    /** The SQL expression for the {@code uuid[]} held by named parameter {@code parameter}. */
    public static String array(String parameter) {
        return "CAST(string_to_array(:" + parameter + ", ',') AS uuid[])";
    }

    /** The value to bind to that parameter. */
    public static String text(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }
}
