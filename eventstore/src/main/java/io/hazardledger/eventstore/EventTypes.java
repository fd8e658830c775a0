package io.hazardledger.eventstore;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventCatalog;
import io.hazardledger.contracts.EventDescriptor;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.EventUpcasters;
import io.hazardledger.contracts.Upcaster;
import io.hazardledger.eventstore.upcasting.Upcasters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event types a reader or writer understands: each type's descriptor, by name and by payload record, and the
 * upcaster chain that lifts older schema versions to the current ones. {@link #PUBLISHED} is the published
 * language of {@code contracts}; {@link #plus} extends it, e.g. with a test's own events.
 */
public final class EventTypes {
    /** The event catalogue and upcasters of the published language. */
    public static final EventTypes PUBLISHED = new EventTypes(EventCatalog.all(), EventUpcasters.all());

    private final List<EventDescriptor> descriptors;
    private final List<Upcaster> upcasterSteps;
    private final Map<String, EventDescriptor> byType;
    private final Map<Class<?>, EventDescriptor> byPayload;
    private final Upcasters upcasters;

    public EventTypes(List<EventDescriptor> descriptors, List<Upcaster> upcasters) {
        this.descriptors = List.copyOf(descriptors);
        this.upcasterSteps = List.copyOf(upcasters);
        this.byType = descriptors.stream()
                .collect(Collectors.toUnmodifiableMap(EventDescriptor::type, Function.identity()));
        this.byPayload = descriptors.stream()
                .collect(Collectors.toUnmodifiableMap(EventDescriptor::payloadType, Function.identity()));
        this.upcasters = new Upcasters(upcasters, descriptors.stream()
                .collect(Collectors.toUnmodifiableMap(EventDescriptor::type, EventDescriptor::schemaVersion)));
    }

    /** These types and {@code more}, with their upcasters. */
    public EventTypes plus(List<EventDescriptor> more, List<Upcaster> moreUpcasters) {
        List<EventDescriptor> allDescriptors = new ArrayList<>(descriptors);
        allDescriptors.addAll(more);
        List<Upcaster> allUpcasters = new ArrayList<>(upcasterSteps);
        allUpcasters.addAll(moreUpcasters);
        return new EventTypes(allDescriptors, allUpcasters);
    }

    public Optional<EventDescriptor> byType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The descriptor of a payload's type; a payload not listed here cannot be stored or published. */
    public EventDescriptor of(DomainEvent payload) {
        EventDescriptor descriptor = byPayload.get(payload.getClass());
        if (descriptor == null) {
            throw new IllegalArgumentException("Not in the event catalogue: " + payload.getClass().getName());
        }
        return descriptor;
    }

    public Upcasters upcasters() {
        return upcasters;
    }

    /** The envelope with its payload lifted to the current schema version of its type. */
    public EventEnvelope upcast(EventEnvelope envelope) {
        describe(envelope);
        return upcasters.lift(envelope);
    }

    /** The payload, lifted to the current schema version, as the record its type names. */
    public DomainEvent payload(EventEnvelope envelope) {
        return payload(envelope, describe(envelope).payloadType());
    }

    /**
     * The payload, lifted to the current schema version, as {@code type}; it must be the record the envelope's
     * type names.
     */
    public <T extends DomainEvent> T payload(EventEnvelope envelope, Class<T> type) {
        if (describe(envelope).payloadType() != type) {
            throw new IllegalArgumentException(envelope.type() + " does not carry " + type.getSimpleName());
        }
        return EventCodec.decode(envelope.type(), upcasters.lift(envelope).payload(), type);
    }

    private EventDescriptor describe(EventEnvelope envelope) {
        return byType(envelope.type())
                .orElseThrow(() -> new EventCodec.MalformedEventException("Unknown event type " + envelope.type(), null));
    }
}
