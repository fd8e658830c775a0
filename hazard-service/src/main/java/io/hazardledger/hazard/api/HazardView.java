package io.hazardledger.hazard.api;

import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.hazard.domain.HazardStatus;
import io.hazardledger.hazard.persistence.HazardRecord;

import java.time.Instant;
import java.util.UUID;

/** A hazard as it stands; {@code inspectionId} and {@code findingId} link back to the inspection it came from. */
public record HazardView(UUID id, UUID enterpriseId, String districtCode, String streetCode, String industryCode,
                         HazardSource source, HazardCategory category, Severity severity, HazardStatus status,
                         String title, String description, String location, UUID inspectionId, UUID findingId,
                         Instant foundAt, long version) {
    static HazardView of(HazardRecord r) {
        return new HazardView(r.id, r.enterpriseId, r.districtCode, r.streetCode, r.industryCode, r.source, r.category,
                r.severity, r.status, r.title, r.description, r.location, r.inspectionId, r.findingId, r.foundAt, r.version);
    }
}
