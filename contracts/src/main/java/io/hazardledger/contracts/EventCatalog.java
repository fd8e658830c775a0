package io.hazardledger.contracts;

import io.hazardledger.contracts.enterprise.EnterpriseBlacklisted;
import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.enterprise.EnterpriseRelocated;
import io.hazardledger.contracts.enterprise.EnterpriseStatusChanged;
import io.hazardledger.contracts.enterprise.EnterpriseUnblacklisted;
import io.hazardledger.contracts.enterprise.EnterpriseUpdated;
import io.hazardledger.contracts.hazard.DeadlineExtended;
import io.hazardledger.contracts.hazard.HazardClosed;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.hazard.HazardOverdue;
import io.hazardledger.contracts.hazard.HazardReclassified;
import io.hazardledger.contracts.hazard.HazardVoided;
import io.hazardledger.contracts.hazard.RectificationAssigned;
import io.hazardledger.contracts.hazard.RectificationSubmitted;
import io.hazardledger.contracts.hazard.ReporterRewarded;
import io.hazardledger.contracts.hazard.SupervisionLifted;
import io.hazardledger.contracts.hazard.SupervisionListed;
import io.hazardledger.contracts.hazard.VerificationFailed;
import io.hazardledger.contracts.hazard.VerificationPassed;
import io.hazardledger.contracts.inspection.EnforcementActionTaken;
import io.hazardledger.contracts.inspection.FindingRecorded;
import io.hazardledger.contracts.inspection.InspectionCancelled;
import io.hazardledger.contracts.inspection.InspectionCompleted;
import io.hazardledger.contracts.inspection.InspectionPlanned;
import io.hazardledger.contracts.inspection.InspectionStarted;
import io.hazardledger.contracts.report.QuarterlyTableProduced;
import io.hazardledger.contracts.report.QuarterlyTableSignedOff;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The event catalogue: one entry per event type, the only place that ties a payload record to its name and topic. */
public final class EventCatalog {
    private static final List<EventDescriptor> ALL = List.of(
            new EventDescriptor("EnterpriseRegistered", Topics.ENTERPRISE_EVENTS, 2, EnterpriseRegistered.class),
            new EventDescriptor("EnterpriseUpdated", Topics.ENTERPRISE_EVENTS, 1, EnterpriseUpdated.class),
            new EventDescriptor("EnterpriseRelocated", Topics.ENTERPRISE_EVENTS, 1, EnterpriseRelocated.class),
            new EventDescriptor("EnterpriseStatusChanged", Topics.ENTERPRISE_EVENTS, 1, EnterpriseStatusChanged.class),
            new EventDescriptor("EnterpriseBlacklisted", Topics.ENTERPRISE_EVENTS, 1, EnterpriseBlacklisted.class),
            new EventDescriptor("EnterpriseUnblacklisted", Topics.ENTERPRISE_EVENTS, 1, EnterpriseUnblacklisted.class),
            new EventDescriptor("InspectionPlanned", Topics.INSPECTION_EVENTS, 2, InspectionPlanned.class),
            new EventDescriptor("InspectionStarted", Topics.INSPECTION_EVENTS, 1, InspectionStarted.class),
            new EventDescriptor("FindingRecorded", Topics.INSPECTION_EVENTS, 2, FindingRecorded.class),
            new EventDescriptor("EnforcementActionTaken", Topics.INSPECTION_EVENTS, 1, EnforcementActionTaken.class),
            new EventDescriptor("InspectionCompleted", Topics.INSPECTION_EVENTS, 1, InspectionCompleted.class),
            new EventDescriptor("InspectionCancelled", Topics.INSPECTION_EVENTS, 1, InspectionCancelled.class),
            new EventDescriptor("HazardFound", Topics.HAZARD_EVENTS, 1, HazardFound.class),
            new EventDescriptor("HazardReclassified", Topics.HAZARD_EVENTS, 1, HazardReclassified.class),
            new EventDescriptor("RectificationAssigned", Topics.HAZARD_EVENTS, 1, RectificationAssigned.class),
            new EventDescriptor("DeadlineExtended", Topics.HAZARD_EVENTS, 1, DeadlineExtended.class),
            new EventDescriptor("RectificationSubmitted", Topics.HAZARD_EVENTS, 1, RectificationSubmitted.class),
            new EventDescriptor("VerificationPassed", Topics.HAZARD_EVENTS, 1, VerificationPassed.class),
            new EventDescriptor("VerificationFailed", Topics.HAZARD_EVENTS, 1, VerificationFailed.class),
            new EventDescriptor("HazardClosed", Topics.HAZARD_EVENTS, 1, HazardClosed.class),
            new EventDescriptor("HazardVoided", Topics.HAZARD_EVENTS, 1, HazardVoided.class),
            new EventDescriptor("HazardOverdue", Topics.HAZARD_EVENTS, 1, HazardOverdue.class),
            new EventDescriptor("SupervisionListed", Topics.HAZARD_EVENTS, 1, SupervisionListed.class),
            new EventDescriptor("SupervisionLifted", Topics.HAZARD_EVENTS, 1, SupervisionLifted.class),
            new EventDescriptor("ReporterRewarded", Topics.HAZARD_EVENTS, 1, ReporterRewarded.class),
            new EventDescriptor("QuarterlyTableProduced", Topics.REPORT_EVENTS, 1, QuarterlyTableProduced.class),
            new EventDescriptor("QuarterlyTableSignedOff", Topics.REPORT_EVENTS, 1, QuarterlyTableSignedOff.class));

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
