package io.hazardledger.eventstore.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.Upcaster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The chain that lifts a stored payload, one {@link Upcaster} step at a time, from the schema version it was
 * written with to the current one of its type. Applied on read only: stored events are facts and never rewritten.
 */
public final class Upcasters {
    private final Map<String, Integer> currentVersions;
    private final Map<Step, UnaryOperator<JsonNode>> steps = new HashMap<>();

    /**
     * @param upcasters       the steps, in any order; at most one per type and version
     * @param currentVersions each known type's current schema version
     */
    public Upcasters(List<Upcaster> upcasters, Map<String, Integer> currentVersions) {
        this.currentVersions = Map.copyOf(currentVersions);
        for (Upcaster upcaster : upcasters) {
            Integer current = currentVersions.get(upcaster.type());
            if (current == null) {
                throw new IllegalArgumentException("Upcaster for unknown event type " + upcaster.type());
            }
            if (upcaster.toVersion() > current) {
                throw new IllegalArgumentException("Upcaster " + describe(upcaster.type(), upcaster.fromVersion())
                        + " goes beyond the current schema version " + current);
            }
            if (steps.put(new Step(upcaster.type(), upcaster.fromVersion()), upcaster.lift()) != null) {
                throw new IllegalArgumentException("Two upcasters " + describe(upcaster.type(), upcaster.fromVersion()));
            }
        }
    }

    /** The current schema version of {@code type}. */
    public int currentVersion(String type) {
        Integer current = currentVersions.get(type);
        if (current == null) {
            throw new UpcastingException("Unknown event type " + type);
        }
        return current;
    }

    /** The envelope with its payload at the current schema version; the same envelope when it is current already. */
    public EventEnvelope lift(EventEnvelope envelope) {
        int current = currentVersion(envelope.type());
        if (envelope.schemaVersion() == current) {
            return envelope;
        }
        JsonNode payload = lift(envelope.type(), envelope.schemaVersion(), envelope.payload());
        return new EventEnvelope(envelope.eventId(), envelope.type(), current, envelope.aggregateId(),
                envelope.aggregateVersion(), envelope.occurredAt(), envelope.actor(), envelope.correlationId(),
                envelope.causationId(), envelope.districtCode(), envelope.enterpriseId(), payload);
    }

    /**
     * A payload of {@code type} stored at {@code storedVersion}, lifted to the current version.
     *
     * @throws UpcastingException when a step is missing, or the payload is newer than this reader knows
     */
    public JsonNode lift(String type, int storedVersion, JsonNode payload) {
        int current = currentVersion(type);
        if (storedVersion > current) {
            throw new UpcastingException(type + " has schema version " + storedVersion
                    + ", newer than the current " + current + " this reader knows");
        }
        if (storedVersion < 1) {
            throw new UpcastingException(type + " has no schema version " + storedVersion);
        }
        // Steps work on a copy, so one that edits its argument in place cannot change the caller's envelope.
        JsonNode lifted = storedVersion == current ? payload : payload.deepCopy();
        for (int version = storedVersion; version < current; version++) {
            UnaryOperator<JsonNode> step = steps.get(new Step(type, version));
            if (step == null) {
                throw new UpcastingException("No upcaster " + describe(type, version) + ": a " + type
                        + " of schema version " + storedVersion + " cannot be read as version " + current);
            }
            lifted = step.apply(lifted);
            if (lifted == null) {
                throw new UpcastingException("Upcaster " + describe(type, version) + " returned no payload");
            }
        }
        return lifted;
    }

    /** The steps from version 1 of each type to its current one that are not registered, e.g. for a build check. */
    public List<String> missingSteps() {
        List<String> missing = new ArrayList<>();
        currentVersions.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            for (int version = 1; version < entry.getValue(); version++) {
                if (!steps.containsKey(new Step(entry.getKey(), version))) {
                    missing.add(describe(entry.getKey(), version));
                }
            }
        });
        return missing;
    }

    private static String describe(String type, int fromVersion) {
        return type + " v" + fromVersion + " → v" + (fromVersion + 1);
    }

    private record Step(String type, int fromVersion) {
    }
}
