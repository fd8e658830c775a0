package io.hazardledger.eventstore.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hazardledger.eventstore.IsoTimeModule;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How an aggregate type is snapshotted: the class its state is stored as (JSON through Jackson; records qualify),
 * the revision of that format and how many events lie between two snapshots.
 * <p>
 * Raise {@code revision} whenever the state's shape or meaning changes: snapshots of any other revision are then
 * ignored and the state is rebuilt from the events, instead of an old snapshot being read into the new shape.
 *
 * @param stateType the state's class
 * @param revision  the snapshot-format revision, stamped on each snapshot
 * @param every     events between snapshots; empty: {@code eventstore.snapshots.every}
 */
public record SnapshotPolicy<A>(Class<A> stateType, int revision, OptionalInt every) {
    // Strict on purpose: a snapshot whose JSON does not fit the state exactly is ignored rather than half read,
    // which also covers a shape change whose revision bump was forgotten.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new IsoTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public SnapshotPolicy {
        Objects.requireNonNull(stateType, "stateType");
        Objects.requireNonNull(every, "every");
        if (every.isPresent() && every.getAsInt() < 1) {
            throw new IllegalArgumentException("Snapshots every " + every.getAsInt() + " events");
        }
    }

    /** Snapshots of revision {@code revision} every {@code eventstore.snapshots.every} events. */
    public static <A> SnapshotPolicy<A> of(Class<A> stateType, int revision) {
        return new SnapshotPolicy<>(stateType, revision, OptionalInt.empty());
    }

    /** The same policy with a snapshot every {@code events} events. */
    public SnapshotPolicy<A> every(int events) {
        return new SnapshotPolicy<>(stateType, revision, OptionalInt.of(events));
    }

    /** The state as snapshot JSON. */
    public String write(A state) {
        try {
            return MAPPER.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(stateType.getSimpleName() + " cannot be written as a snapshot", e);
        }
    }

    /**
     * The state a snapshot's JSON holds.
     *
     * @throws IllegalArgumentException when the JSON does not fit {@link #stateType()} exactly
     */
    public A read(String json) {
        try {
            return MAPPER.readValue(json, stateType);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Snapshot does not fit " + stateType.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
