package io.hazardledger.hazard.api;

import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.MajorAssessment;
import io.hazardledger.contracts.hazard.RectificationPlan;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.hazard.domain.Hazard;
import io.hazardledger.hazard.domain.HazardStatus;
import io.hazardledger.hazard.domain.Supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A hazard in full, as it stands (or stood, for {@code ?asOf=}). {@code deadline} is the deadline in force,
 * {@code originalDeadline} the first one; {@code overdue}: still rectifying after the deadline's day ended;
 * {@code reviewOverdue}: a MAJOR hazard whose regulator review (10 days from the completion report) ran out.
 */
public record HazardView(UUID id, UUID enterpriseId, String districtCode, String streetCode, String industryCode,
                         HazardSource source, HazardCategory category, Severity severity, MajorAssessment major,
                         String title, String description, String location, UUID inspectionId, UUID findingId,
                         List<String> evidence, String reporter, Instant foundAt, HazardStatus status,
                         RectificationPlan plan, LocalDate originalDeadline, LocalDate deadline, boolean overdue,
                         int reworkCount, Instant submittedAt, Instant reviewDueBy, boolean reviewOverdue,
                         Instant closedAt, Supervision supervision, BigDecimal rewardYuan, String voidReason,
                         long version) {

    static HazardView of(Hazard h, long version, Instant now) {
        return new HazardView(h.id(), h.enterpriseId(), h.districtCode(), h.streetCode(), h.industryCode(), h.source(),
                h.category(), h.severity(), h.major(), h.title(), h.description(), h.location(), h.inspectionId(),
                h.findingId(), h.evidence(), h.reporter(), h.foundAt(), h.status(), h.plan(), h.originalDeadline(),
                h.deadline(), h.isOverdue(now), h.reworkCount(), h.submittedAt(), h.reviewDueBy(),
                h.isReviewOverdue(now), h.closedAt(), h.supervision(), h.rewardYuan(), h.voidReason(), version);
    }
}
