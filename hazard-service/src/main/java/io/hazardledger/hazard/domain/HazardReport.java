package io.hazardledger.hazard.domain;

import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.MajorAssessment;
import io.hazardledger.contracts.hazard.Severity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A hazard reported directly (not through an inspection finding): what the reporter states. */
public record HazardReport(UUID enterpriseId, HazardSource source, String title, String description, String location,
                           HazardCategory category, Severity severity, MajorAssessment major, List<String> evidence,
                           String reporter, Instant foundAt) {

    /** The registration, placed where the ledger says the enterprise is. */
    public HazardFound toEvent(UUID hazardId, String districtCode, FindingHazards.Placement place, Instant now) {
        return new HazardFound(hazardId, enterpriseId, districtCode, place.streetCode(), place.industryCode(), source,
                title, description, location, category, severity, null, null,
                evidence == null ? List.of() : List.copyOf(evidence), major, reporter, foundAt == null ? now : foundAt);
    }
}
