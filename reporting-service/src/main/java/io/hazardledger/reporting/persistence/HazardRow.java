package io.hazardledger.reporting.persistence;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.hazard.DeadlineExtended;
import io.hazardledger.contracts.hazard.HazardClosed;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.hazard.HazardReclassified;
import io.hazardledger.contracts.hazard.RectificationAssigned;
import io.hazardledger.contracts.hazard.RectificationPlan;
import io.hazardledger.contracts.hazard.RectificationSubmitted;
import io.hazardledger.contracts.hazard.ReporterRewarded;
import io.hazardledger.contracts.hazard.SupervisionListed;
import io.hazardledger.eventstore.consumer.ReadEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One row of {@code rp_hazard} (the fields are its columns, in JSON as in the table) and what each hazard event does
 * to it. Events are folded onto the row in memory and the row is written once per batch ({@link HazardRows}).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class HazardRow {
    int generation;
    UUID hazardId;
    UUID enterpriseId;
    String districtCode;
    String streetCode;
    String industryCode;
    String category;
    String severity;
    String source;
    String title;
    Instant foundAt;
    Instant assignedAt;
    BigDecimal fundsYuan;
    Boolean fiveItems;
    LocalDate originalDeadline;
    LocalDate deadline;
    Instant submittedAt;
    Instant reviewDueBy;
    boolean awaitingVerification;
    Instant closedAt;
    Boolean onTime;
    boolean voided;
    String supervisionLevel;
    Instant supervisionListedAt;
    Instant rewardedAt;
    BigDecimal rewardYuan;
    /** The version of the hazard's last event applied to the row: the projection's checkpoint of the hazard. */
    long version;

    /** The row a HazardFound starts. A hazard stays in the district, street and industry it was found in. */
    static HazardRow found(int generation, EventEnvelope event, HazardFound f) {
        HazardRow row = new HazardRow();
        row.generation = generation;
        row.hazardId = f.hazardId();
        row.enterpriseId = f.enterpriseId();
        row.districtCode = f.districtCode();
        row.streetCode = f.streetCode();
        row.industryCode = f.industryCode();
        row.category = f.category().name();
        row.severity = f.severity().name();
        row.source = f.source().name();
        row.title = f.title();
        row.foundAt = f.foundAt() == null ? event.occurredAt() : f.foundAt();
        return row;
    }

    @JsonIgnore
    UUID id() {
        return hazardId;
    }

    /** Applies a later event of the hazard to the columns (some change none; the version is the caller's). */
    void apply(ReadEvent read) {
        EventEnvelope event = read.envelope();
        switch (event.type()) {
            case "HazardReclassified" -> severity = read.payload(HazardReclassified.class).to().name();
            case "RectificationAssigned" -> assigned(event.occurredAt(), read.payload(RectificationAssigned.class).plan());
            case "DeadlineExtended" -> deadline = read.payload(DeadlineExtended.class).newDeadline();
            case "RectificationSubmitted" -> submitted(event, read.payload(RectificationSubmitted.class));
            case "VerificationPassed", "VerificationFailed" -> {
                awaitingVerification = false;
                reviewDueBy = null;
            }
            case "HazardClosed" -> closed(read.payload(HazardClosed.class));
            case "HazardVoided" -> voided = true;
            case "SupervisionListed" -> {
                supervisionLevel = read.payload(SupervisionListed.class).level().name();
                if (supervisionListedAt == null) {
                    supervisionListedAt = event.occurredAt();
                }
            }
            case "SupervisionLifted" -> supervisionLevel = null;
            case "ReporterRewarded" -> {
                rewardedAt = event.occurredAt();
                rewardYuan = read.payload(ReporterRewarded.class).amountYuan();
            }
            default -> {
                // HazardOverdue and a second finding: nothing this table keeps
            }
        }
    }

    private void assigned(Instant at, RectificationPlan plan) {
        assignedAt = at;
        fundsYuan = plan.fundsYuan();
        fiveItems = namesFiveItems(plan);
        originalDeadline = plan.deadline();
        deadline = plan.deadline();
    }

    /** 五落实: responsible person, measures, funds, deadline and emergency measures all named. */
    static boolean namesFiveItems(RectificationPlan plan) {
        return present(plan.responsiblePerson()) && present(plan.measures()) && plan.fundsYuan() != null
                && plan.deadline() != null && present(plan.emergencyMeasures());
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private void submitted(EventEnvelope event, RectificationSubmitted e) {
        Instant at = e.submittedAt() == null ? event.occurredAt() : e.submittedAt();
        awaitingVerification = true;
        submittedAt = at;
        reviewDueBy = e.reviewDueBy() == null ? at.plus(RectificationSubmitted.MAJOR_REVIEW_PERIOD) : e.reviewDueBy();
    }

    private void closed(HazardClosed c) {
        // Supervision is lifted on close (hazard-service sends SupervisionLifted too; this keeps the row right either way).
        closedAt = c.closedAt();
        onTime = c.onTime();
        awaitingVerification = false;
        reviewDueBy = null;
        supervisionLevel = null;
        if (c.deadlineInForce() != null) {
            deadline = c.deadlineInForce();
        }
    }
}
