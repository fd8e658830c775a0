package io.hazardledger.hazard.api;

import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.contracts.hazard.SupervisionLevel;
import io.hazardledger.hazard.domain.HazardStatus;
import io.hazardledger.hazard.persistence.HazardRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of the hazard list; {@code GET /api/hazards/{id}} has the rest. */
public record HazardSummary(UUID id, UUID enterpriseId, String districtCode, String streetCode, HazardSource source,
                            HazardCategory category, Severity severity, HazardStatus status, String title,
                            UUID inspectionId, UUID findingId, Instant foundAt, LocalDate deadline,
                            LocalDate originalDeadline, int reworkCount, SupervisionLevel supervisionLevel,
                            Instant reviewDueBy, Instant closedAt, long version) {
    static HazardSummary of(HazardRecord r) {
        return new HazardSummary(r.id, r.enterpriseId, r.districtCode, r.streetCode, r.source, r.category, r.severity,
                r.status, r.title, r.inspectionId, r.findingId, r.foundAt, r.deadline, r.originalDeadline, r.reworkCount,
                r.supervisionLevel, r.reviewDueBy, r.closedAt, r.version);
    }
}
