package io.hazardledger.contracts.hazard;

import io.hazardledger.contracts.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A hazard was registered (已登记). When it came from an inspection finding, {@code inspectionId} and
 * {@code findingId} link it back. A MAJOR hazard states its {@code major} assessment; {@code reporter} names the
 * employee or member of the public who reported it, where the source is a report; {@code foundAt} is when it
 * was found, which may precede its registration.
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
        List<String> evidence,
        MajorAssessment major,
        String reporter,
        Instant foundAt) implements DomainEvent {
}
