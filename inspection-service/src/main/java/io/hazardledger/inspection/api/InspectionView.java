package io.hazardledger.inspection.api;

import io.hazardledger.contracts.inspection.Checklist;
import io.hazardledger.contracts.inspection.InspectionKind;
import io.hazardledger.inspection.domain.InspectionStatus;
import io.hazardledger.inspection.persistence.InspectionRecord;

import java.time.LocalDate;
import java.util.UUID;

/** An inspection as it stands. */
public record InspectionView(UUID id, UUID enterpriseId, String districtCode, InspectionKind kind,
                             InspectionStatus status, LocalDate plannedDate, String campaign, Checklist checklist,
                             int findings, int majorFindings, int enforcementActions, String summary,
                             String cancelReason, long version) {
    static InspectionView of(InspectionRecord r) {
        return new InspectionView(r.id, r.enterpriseId, r.districtCode, r.kind, r.status, r.plannedDate, r.campaign,
                r.checklist, r.findings, r.majorFindings, r.enforcementActions, r.summary, r.cancelReason, r.version);
    }
}
