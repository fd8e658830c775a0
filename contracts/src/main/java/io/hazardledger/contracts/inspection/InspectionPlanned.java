package io.hazardledger.contracts.inspection;

import io.hazardledger.contracts.DomainEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An inspection of an enterprise was planned. */
public record InspectionPlanned(
        UUID inspectionId,
        UUID enterpriseId,
        String districtCode,
        InspectionKind kind,
        LocalDate plannedDate,
        List<String> inspectors,
        String campaign) implements DomainEvent {
}
