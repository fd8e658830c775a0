package io.hazardledger.contracts;

import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.inspection.FindingRecorded;
import io.hazardledger.contracts.inspection.InspectionPlanned;
import io.hazardledger.contracts.inspection.InspectionStarted;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The event catalogue: one entry per event type, the only place that ties a payload record to its name and topic. */
public final class EventCatalog {
    private static final List<EventDescriptor> ALL = List.of(
            new EventDescriptor("EnterpriseRegistered", Topics.ENTERPRISE_EVENTS, 1, EnterpriseRegistered.class),
            new EventDescriptor("InspectionPlanned", Topics.INSPECTION_EVENTS, 1, InspectionPlanned.class),
            new EventDescriptor("InspectionStarted", Topics.INSPECTION_EVENTS, 1, InspectionStarted.class),
            new EventDescriptor("FindingRecorded", Topics.INSPECTION_EVENTS, 1, FindingRecorded.class),
            new EventDescriptor("HazardFound", Topics.HAZARD_EVENTS, 1, HazardFound.class));

    private static final Map<String, EventDescriptor> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventDescriptor::type, Function.identity()));
    private static final Map<Class<?>, EventDescriptor> BY_PAYLOAD =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventDescriptor::payloadType, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventDescriptor> all() {
        return ALL;
    }

    public static Optional<EventDescriptor> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static EventDescriptor of(DomainEvent payload) {
        EventDescriptor descriptor = BY_PAYLOAD.get(payload.getClass());
        if (descriptor == null) {
            throw new IllegalArgumentException("Not in the event catalogue: " + payload.getClass().getName());
        }
        return descriptor;
    }
}
