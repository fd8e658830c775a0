package io.hazardledger.hazard.domain;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.hazard.DeadlineExtended;
import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardClosed;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.hazard.HazardOverdue;
import io.hazardledger.contracts.hazard.HazardReclassified;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.HazardVoided;
import io.hazardledger.contracts.hazard.MajorAssessment;
import io.hazardledger.contracts.hazard.RectificationAssigned;
import io.hazardledger.contracts.hazard.RectificationPlan;
import io.hazardledger.contracts.hazard.RectificationSubmitted;
import io.hazardledger.contracts.hazard.ReporterRewarded;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.contracts.hazard.SupervisionLevel;
import io.hazardledger.contracts.hazard.SupervisionLifted;
import io.hazardledger.contracts.hazard.SupervisionListed;
import io.hazardledger.contracts.hazard.VerificationFailed;
import io.hazardledger.contracts.hazard.VerificationPassed;
import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.domain.IllegalTransition;
import io.hazardledger.eventstore.domain.RuleViolation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A hazard (隐患) and the rules of its life under 16号令: registered, rectified under a plan, verified, and closed
 * (销号) — a MAJOR one only by the regulator after the on-site review — or voided as a false report.
 * Each command checks scope (404), role (403), state (409) and its own rules (400), in that order, and returns the
 * events it decides; {@link #apply} folds them into the next state.
 */
public record Hazard(
        UUID id, UUID enterpriseId, String districtCode, String streetCode, String industryCode,
        HazardSource source, HazardCategory category, Severity severity, MajorAssessment major,
        String title, String description, String location, UUID inspectionId, UUID findingId,
        List<String> evidence, String reporter, Instant foundAt,
        HazardStatus status, RectificationPlan plan, LocalDate originalDeadline, LocalDate deadline,
        LocalDate overdueFor, int reworkCount, Instant submittedAt, Instant reviewDueBy, Instant closedAt,
        Supervision supervision, BigDecimal rewardYuan, String voidReason) {

    public static final String STREAM_TYPE = "hazard";
    public static final Hazard NONE = null;
    /** Deadlines are calendar days where the hazards are: a deadline has passed once its day has ended there. */
    public static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");
    private static final Set<HazardStatus> OPEN =
            EnumSet.of(HazardStatus.REPORTED, HazardStatus.RECTIFYING, HazardStatus.AWAITING_VERIFICATION, HazardStatus.VERIFIED);

    // ---- registration -------------------------------------------------------------------------------------------

    /** Registering a hazard: HazardFound, and for a MAJOR one its automatic listing for supervision. */
    public static List<DomainEvent> report(Caller caller, HazardFound found) {
        caller.requireAllowed(HazardCommand.REPORT.label(), HazardCommand.REPORT.roles(), found.enterpriseId(),
                found.districtCode());
        if (found.severity() == Severity.MAJOR && found.major() == null && found.findingId() == null) {
            throw new RuleViolation("major", "a MAJOR hazard states its criterion (document, clause), cause and harm");
        }
        if (found.severity() == Severity.MAJOR && found.major() != null && (found.major().criterion() == null
                || blank(found.major().criterion().document()) || blank(found.major().criterion().clause()))) {
            throw new RuleViolation("major.criterion", "must name the document and the clause");
        }
        List<DomainEvent> events = new ArrayList<>(List.of(found));
        if (found.severity() == Severity.MAJOR) {
            events.add(automaticListing(found.hazardId()));
        }
        return events;
    }

    // ---- commands -----------------------------------------------------------------------------------------------

    public List<DomainEvent> reclassify(Caller caller, Severity to, String reason, MajorAssessment assessment) {
        allow(caller, HazardCommand.RECLASSIFY);
        requireState(HazardCommand.RECLASSIFY, OPEN);
        if (to == severity) {
            throw new RuleViolation("severity", "the hazard is " + severity + " already");
        }
        if (to == Severity.MAJOR && (assessment == null || assessment.criterion() == null)) {
            throw new RuleViolation("major", "reclassifying to MAJOR states the criterion (document, clause), cause and harm");
        }
        List<DomainEvent> events = new ArrayList<>(List.of(new HazardReclassified(id, severity, to, reason,
                to == Severity.MAJOR ? assessment : null)));
        if (to == Severity.MAJOR && supervision == null) {
            events.add(automaticListing(id));
        }
        return events;
    }

    public List<DomainEvent> assignRectification(Caller caller, RectificationPlan plan, Instant now) {
        allow(caller, HazardCommand.ASSIGN_RECTIFICATION);
        requireState(HazardCommand.ASSIGN_RECTIFICATION, EnumSet.of(HazardStatus.REPORTED));
        RectificationRules.check(severity, plan, today(now));
        return List.of(new RectificationAssigned(id, plan));
    }

    public List<DomainEvent> extendDeadline(Caller caller, LocalDate newDeadline, String reason) {
        allow(caller, HazardCommand.EXTEND_DEADLINE);
        requireState(HazardCommand.EXTEND_DEADLINE, EnumSet.of(HazardStatus.RECTIFYING));
        if (blank(reason)) {
            throw new RuleViolation("reason", "an extension states its reason");
        }
        if (!newDeadline.isAfter(deadline)) {
            throw new RuleViolation("deadline", "must be after the deadline in force, " + deadline);
        }
        return List.of(new DeadlineExtended(id, originalDeadline, deadline, newDeadline, reason));
    }

    public List<DomainEvent> submitCompletion(Caller caller, String summary, List<String> completionEvidence, Instant now) {
        allow(caller, HazardCommand.SUBMIT_COMPLETION);
        requireState(HazardCommand.SUBMIT_COMPLETION, EnumSet.of(HazardStatus.RECTIFYING));
        Instant reviewBy = severity == Severity.MAJOR ? now.plus(RectificationSubmitted.MAJOR_REVIEW_PERIOD) : null;
        return List.of(new RectificationSubmitted(id, summary, List.copyOf(completionEvidence), now, reviewBy));
    }

    /** Passing closes a GENERAL hazard at once; a MAJOR one waits for the regulator's closure (销号). */
    public List<DomainEvent> verify(Caller caller, boolean passed, String comment, Instant now) {
        allow(caller, HazardCommand.VERIFY);
        if (caller.role() == io.hazardledger.eventstore.domain.Role.ENTERPRISE
                && !(source == HazardSource.SELF_CHECK && severity == Severity.GENERAL)) {
            throw new Caller.Forbidden("verify (other than its own self-found GENERAL hazards)", caller.role());
        }
        requireState(HazardCommand.VERIFY, EnumSet.of(HazardStatus.AWAITING_VERIFICATION));
        if (!passed) {
            if (blank(comment)) {
                throw new RuleViolation("reason", "a failed verification states why");
            }
            return List.of(new VerificationFailed(id, comment, reworkCount + 1));
        }
        List<DomainEvent> events = new ArrayList<>(List.of(new VerificationPassed(id, comment)));
        if (severity == Severity.GENERAL) {
            events.addAll(closing(now));
        }
        return events;
    }

    public List<DomainEvent> close(Caller caller, Instant now) {
        allow(caller, HazardCommand.CLOSE);
        requireState(HazardCommand.CLOSE, EnumSet.of(HazardStatus.VERIFIED));
        return closing(now);
    }

    public List<DomainEvent> listForSupervision(Caller caller, SupervisionLevel level, String noticeNumber) {
        allow(caller, HazardCommand.LIST_SUPERVISION);
        requireState(HazardCommand.LIST_SUPERVISION, OPEN);
        if (blank(noticeNumber)) {
            throw new RuleViolation("noticeNumber", "a listing names its notice (督办通知书编号)");
        }
        return List.of(new SupervisionListed(id, level, noticeNumber, caller.subject(), false));
    }

    public List<DomainEvent> liftSupervision(Caller caller, String reason) {
        allow(caller, HazardCommand.LIFT_SUPERVISION);
        if (supervision == null) {
            throw new IllegalTransition(HazardCommand.LIFT_SUPERVISION.label(), status + " (not listed)");
        }
        return List.of(new SupervisionLifted(id, blank(reason) ? "lifted by " + caller.subject() : reason));
    }

    public List<DomainEvent> voidReport(Caller caller, String reason) {
        allow(caller, HazardCommand.VOID);
        requireState(HazardCommand.VOID, EnumSet.of(HazardStatus.REPORTED));
        if (blank(reason)) {
            throw new RuleViolation("reason", "voiding states why the report is false");
        }
        List<DomainEvent> events = new ArrayList<>(List.of(new HazardVoided(id, reason)));
        if (supervision != null) {
            events.add(new SupervisionLifted(id, "voided"));
        }
        return events;
    }

    public List<DomainEvent> rewardReporter(Caller caller, BigDecimal amountYuan) {
        allow(caller, HazardCommand.REWARD_REPORTER);
        if (status == HazardStatus.VOIDED || rewardYuan != null) {
            throw new IllegalTransition(HazardCommand.REWARD_REPORTER.label(),
                    rewardYuan != null ? status + " (rewarded already)" : status.name());
        }
        if (source != HazardSource.EMPLOYEE_REPORT) {
            throw new RuleViolation("source", "only hazards reported by employees (内部报告) carry a reporter reward");
        }
        if (amountYuan == null || amountYuan.signum() <= 0) {
            throw new RuleViolation("amountYuan", "must be a positive amount in yuan");
        }
        return List.of(new ReporterRewarded(id, amountYuan, reporter));
    }

    /** The deadline in force has ended while still rectifying: once per deadline, nothing otherwise. */
    public List<DomainEvent> markOverdue(Caller caller, Instant now) {
        allow(caller, HazardCommand.MARK_OVERDUE);
        if (status != HazardStatus.RECTIFYING || deadline == null || !deadline.isBefore(today(now))
                || deadline.equals(overdueFor)) {
            return List.of();
        }
        return List.of(new HazardOverdue(id, deadline));
    }

    // ---- queries ------------------------------------------------------------------------------------------------

    public boolean isOverdue(Instant now) {
        return status == HazardStatus.RECTIFYING && deadline != null && deadline.isBefore(today(now));
    }

    /** A MAJOR hazard whose rectification waits for the regulator's review past the 10 days. */
    public boolean isReviewOverdue(Instant now) {
        return status == HazardStatus.AWAITING_VERIFICATION && reviewDueBy != null && now.isAfter(reviewDueBy);
    }

    // ---- folding events -----------------------------------------------------------------------------------------

    public static Hazard apply(Hazard state, DomainEvent event) {
        if (event instanceof HazardFound f) {
            return new Hazard(f.hazardId(), f.enterpriseId(), f.districtCode(), f.streetCode(), f.industryCode(),
                    f.source(), f.category(), f.severity(), f.major(), f.title(), f.description(), f.location(),
                    f.inspectionId(), f.findingId(), f.evidence() == null ? List.of() : List.copyOf(f.evidence()),
                    f.reporter(), f.foundAt(), HazardStatus.REPORTED, null, null, null, null, 0, null, null, null,
                    null, null, null);
        }
        Draft next = new Draft(state);
        if (event instanceof HazardReclassified e) {
            next.severity = e.to();
            next.major = e.major();
        } else if (event instanceof RectificationAssigned e) {
            next.plan = e.plan();
            next.originalDeadline = e.plan().deadline();
            next.deadline = e.plan().deadline();
            next.status = HazardStatus.RECTIFYING;
        } else if (event instanceof DeadlineExtended e) {
            next.deadline = e.newDeadline();
        } else if (event instanceof RectificationSubmitted e) {
            next.status = HazardStatus.AWAITING_VERIFICATION;
            next.submittedAt = e.submittedAt();
            next.reviewDueBy = e.reviewDueBy();
        } else if (event instanceof VerificationPassed) {
            next.status = HazardStatus.VERIFIED;
            next.reviewDueBy = null;
        } else if (event instanceof VerificationFailed e) {
            next.status = HazardStatus.RECTIFYING;
            next.reworkCount = e.reworkCount();
            next.reviewDueBy = null;
        } else if (event instanceof HazardClosed e) {
            next.status = HazardStatus.CLOSED;
            next.closedAt = e.closedAt();
        } else if (event instanceof HazardVoided e) {
            next.status = HazardStatus.VOIDED;
            next.voidReason = e.reason();
        } else if (event instanceof HazardOverdue e) {
            next.overdueFor = e.deadline();
        } else if (event instanceof SupervisionListed e) {
            next.supervision = new Supervision(e.level(), e.noticeNumber(), e.regulator(), e.automatic());
        } else if (event instanceof SupervisionLifted) {
            next.supervision = null;
        } else if (event instanceof ReporterRewarded e) {
            next.rewardYuan = e.amountYuan();
        }
        return next.build();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private List<DomainEvent> closing(Instant now) {
        boolean onTime = deadline == null || !today(now).isAfter(deadline);
        List<DomainEvent> events = new ArrayList<>(List.of(new HazardClosed(id, now, deadline, originalDeadline, onTime)));
        if (supervision != null) {
            events.add(new SupervisionLifted(id, "closed"));
        }
        return events;
    }

    private static SupervisionListed automaticListing(UUID hazardId) {
        return new SupervisionListed(hazardId, SupervisionLevel.COUNTY, null, "system", true);
    }

    private void allow(Caller caller, HazardCommand command) {
        caller.requireAllowed(command.label(), command.roles(), enterpriseId, districtCode);
    }

    private void requireState(HazardCommand command, Set<HazardStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new IllegalTransition(command.label(), status.name());
        }
    }

    static LocalDate today(Instant now) {
        return now.atZone(CALENDAR).toLocalDate();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The mutable copy {@link #apply} changes before freezing it again. */
    private static final class Draft {
        private final Hazard from;
        Severity severity;
        MajorAssessment major;
        HazardStatus status;
        RectificationPlan plan;
        LocalDate originalDeadline;
        LocalDate deadline;
        LocalDate overdueFor;
        int reworkCount;
        Instant submittedAt;
        Instant reviewDueBy;
        Instant closedAt;
        Supervision supervision;
        BigDecimal rewardYuan;
        String voidReason;

        Draft(Hazard h) {
            from = h;
            severity = h.severity;
            major = h.major;
            status = h.status;
            plan = h.plan;
            originalDeadline = h.originalDeadline;
            deadline = h.deadline;
            overdueFor = h.overdueFor;
            reworkCount = h.reworkCount;
            submittedAt = h.submittedAt;
            reviewDueBy = h.reviewDueBy;
            closedAt = h.closedAt;
            supervision = h.supervision;
            rewardYuan = h.rewardYuan;
            voidReason = h.voidReason;
        }

        Hazard build() {
            Hazard h = from;
            return new Hazard(h.id, h.enterpriseId, h.districtCode, h.streetCode, h.industryCode, h.source, h.category,
                    severity, major, h.title, h.description, h.location, h.inspectionId, h.findingId, h.evidence,
                    h.reporter, h.foundAt, status, plan, originalDeadline, deadline, overdueFor, reworkCount,
                    submittedAt, reviewDueBy, closedAt, supervision, rewardYuan, voidReason);
        }
    }
}
