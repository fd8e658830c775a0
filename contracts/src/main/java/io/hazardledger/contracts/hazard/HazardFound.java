package io.hazardledger.contracts.hazard;

import io.hazardledger.contracts.DomainEvent;

import java.util.List;
import java.util.UUID;

/**
 * A hazard was registered (已登记). When it came from an inspection finding, {@code inspectionId} and
 * {@code findingId} link it back.
 */
public record HazardFound(
        UUID hazardId,
        UUID enterpriseId,
        String districtCode,
        String streetCode,
        String industryCode,
        HazardSource source,
        String title,
        String description,
        String location,
        HazardCategory category,
        Severity severity,
        UUID inspectionId,
        UUID findingId,
        List<String> evidence) implements DomainEvent {
}
