package io.hazardledger.contracts.inspection;

import io.hazardledger.contracts.DomainEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An inspection of an enterprise was planned.
 *
 * @param campaign  name of the special campaign (专项检查); required for SPECIAL_CAMPAIGN
 * @param checklist the checklist a special campaign inspects against, may be null (schema version 2)
 */
public record InspectionPlanned(
        UUID inspectionId,
        UUID enterpriseId,
        String districtCode,
        InspectionKind kind,
        LocalDate plannedDate,
        List<String> inspectors,
        String campaign,
        Checklist checklist) implements DomainEvent {
}
