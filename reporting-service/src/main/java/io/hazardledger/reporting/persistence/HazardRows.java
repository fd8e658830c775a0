package io.hazardledger.reporting.persistence;

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
import io.hazardledger.eventstore.EventCodec;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Duration;
import java.time.Instant;

/** Keeps {@code rp_hazard} from hazard-events: one row per hazard and generation. */
final class HazardRows {
    /** §23 of 16号令: the regulator reviews a MAJOR hazard's rectification within 10 days of the application. */
    static final Duration MAJOR_REVIEW_PERIOD = Duration.ofDays(10);
    private static final String WHERE = " WHERE generation = :g AND hazard_id = :id";

    private HazardRows() {
    }

    static Uni<Integer> apply(Mutiny.Session s, int g, EventEnvelope event) {
        var id = event.aggregateId();
        return switch (event.type()) {
            case "HazardFound" -> found(s, g, event, EventCodec.payload(event, HazardFound.class));
            case "HazardReclassified" -> Sql.update(s, "UPDATE rp_hazard SET severity = :severity" + WHERE, "g", g, "id", id,
                    "severity", EventCodec.payload(event, HazardReclassified.class).to().name());
            case "RectificationAssigned" -> assigned(s, g, event, EventCodec.payload(event, RectificationAssigned.class).plan());
            case "DeadlineExtended" -> Sql.update(s, "UPDATE rp_hazard SET deadline = :deadline" + WHERE, "g", g, "id", id,
                    "deadline", EventCodec.payload(event, DeadlineExtended.class).newDeadline());
            case "RectificationSubmitted" -> submitted(s, g, event, EventCodec.payload(event, RectificationSubmitted.class));
            case "VerificationPassed", "VerificationFailed" -> Sql.update(s,
                    "UPDATE rp_hazard SET awaiting_verification = FALSE, review_due_by = NULL" + WHERE, "g", g, "id", id);
            case "HazardClosed" -> closed(s, g, id, EventCodec.payload(event, HazardClosed.class));
            case "HazardVoided" -> Sql.update(s, "UPDATE rp_hazard SET voided = TRUE" + WHERE, "g", g, "id", id);
            case "SupervisionListed" -> Sql.update(s, """
                    UPDATE rp_hazard SET supervision_level = :level,
                           supervision_listed_at = coalesce(supervision_listed_at, CAST(:at AS timestamptz))""" + WHERE,
                    "g", g, "id", id, "level", EventCodec.payload(event, SupervisionListed.class).level().name(),
                    "at", event.occurredAt());
            case "SupervisionLifted" -> Sql.update(s, "UPDATE rp_hazard SET supervision_level = NULL" + WHERE, "g", g, "id", id);
            case "ReporterRewarded" -> Sql.update(s, """
                    UPDATE rp_hazard SET rewarded_at = CAST(:at AS timestamptz), reward_yuan = :amount""" + WHERE,
                    "g", g, "id", id, "at", event.occurredAt(),
                    "amount", EventCodec.payload(event, ReporterRewarded.class).amountYuan());
            default -> Uni.createFrom().item(0);
        };
    }

    private static Uni<Integer> found(Mutiny.Session s, int g, EventEnvelope event, HazardFound f) {
        Instant foundAt = f.foundAt() == null ? event.occurredAt() : f.foundAt();
        return Sql.update(s, """
                INSERT INTO rp_hazard (generation, hazard_id, enterprise_id, district_code, street_code, industry_code,
                                       category, severity, source, title, found_at)
                VALUES (:g, :id, :enterprise, :district, CAST(:street AS varchar), CAST(:industry AS varchar), :category,
                        :severity, :source, CAST(:title AS text), CAST(:foundAt AS timestamptz))
                ON CONFLICT (generation, hazard_id) DO NOTHING""",
                "g", g, "id", f.hazardId(), "enterprise", f.enterpriseId(), "district", f.districtCode(),
                "street", f.streetCode(), "industry", f.industryCode(), "category", f.category().name(),
                "severity", f.severity().name(), "source", f.source().name(), "title", f.title(), "foundAt", foundAt);
    }

    private static Uni<Integer> assigned(Mutiny.Session s, int g, EventEnvelope event, RectificationPlan plan) {
        return Sql.update(s, """
                UPDATE rp_hazard SET assigned_at = CAST(:at AS timestamptz), funds_yuan = CAST(:funds AS numeric),
                       five_items = :five, original_deadline = CAST(:deadline AS date), deadline = CAST(:deadline AS date)""" + WHERE,
                "g", g, "id", event.aggregateId(), "at", event.occurredAt(), "funds", plan.fundsYuan(),
                "five", namesFiveItems(plan), "deadline", plan.deadline());
    }

    /** 五落实: responsible person, measures, funds, deadline and emergency measures all named. */
    static boolean namesFiveItems(RectificationPlan plan) {
        return present(plan.responsiblePerson()) && present(plan.measures()) && plan.fundsYuan() != null
                && plan.deadline() != null && present(plan.emergencyMeasures());
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static Uni<Integer> submitted(Mutiny.Session s, int g, EventEnvelope event, RectificationSubmitted e) {
        Instant at = e.submittedAt() == null ? event.occurredAt() : e.submittedAt();
        return Sql.update(s, """
                UPDATE rp_hazard SET awaiting_verification = TRUE, submitted_at = CAST(:at AS timestamptz),
                       review_due_by = CAST(:due AS timestamptz)""" + WHERE,
                "g", g, "id", event.aggregateId(), "at", at,
                "due", e.reviewDueBy() == null ? at.plus(MAJOR_REVIEW_PERIOD) : e.reviewDueBy());
    }

    private static Uni<Integer> closed(Mutiny.Session s, int g, java.util.UUID id, HazardClosed c) {
        // Supervision is lifted on close (hazard-service sends SupervisionLifted too; this keeps the row right either way).
        return Sql.update(s, """
                UPDATE rp_hazard SET closed_at = CAST(:at AS timestamptz), on_time = :onTime,
                       awaiting_verification = FALSE, review_due_by = NULL, supervision_level = NULL,
                       deadline = coalesce(CAST(:deadline AS date), deadline)""" + WHERE,
                "g", g, "id", id, "at", c.closedAt(), "onTime", c.onTime(), "deadline", c.deadlineInForce());
    }

}
