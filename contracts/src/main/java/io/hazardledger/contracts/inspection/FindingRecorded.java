package io.hazardledger.contracts.inspection;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.Severity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A hazard was found during an inspection; hazard-service turns each finding into exactly one hazard.
 *
 * @param checklistItem the item of the campaign's checklist the finding breaches, may be null (schema version 2)
 */
public record FindingRecorded(
        UUID inspectionId,
        UUID findingId,
        UUID enterpriseId,
        String districtCode,
        InspectionKind inspectionKind,
        String description,
        HazardCategory category,
        Severity severity,
        String location,
        LocalDate suggestedDeadline,
        List<String> evidence,
        String checklistItem) implements DomainEvent {
}
