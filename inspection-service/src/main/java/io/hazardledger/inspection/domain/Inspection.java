package io.hazardledger.inspection.domain;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.enterprise.EnterpriseStatus;
import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.contracts.inspection.Checklist;
import io.hazardledger.contracts.inspection.EnforcementActionTaken;
import io.hazardledger.contracts.inspection.EnforcementKind;
import io.hazardledger.contracts.inspection.FindingRecorded;
import io.hazardledger.contracts.inspection.InspectionCancelled;
import io.hazardledger.contracts.inspection.InspectionCompleted;
import io.hazardledger.contracts.inspection.InspectionKind;
import io.hazardledger.contracts.inspection.InspectionPlanned;
import io.hazardledger.contracts.inspection.InspectionStarted;
import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.domain.IllegalTransition;
import io.hazardledger.eventstore.domain.Role;
import io.hazardledger.eventstore.domain.RuleViolation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An inspection of one enterprise: PLANNED 已计划 → IN_PROGRESS 检查中 (findings recorded on site) → COMPLETED 已完成,
 * or CANCELLED 已取消 before it is completed. Enforcement actions are taken while IN_PROGRESS or after completion,
 * since written decisions (罚款, 停产停业整顿) usually follow the site visit; never on a planned or cancelled one.
 * Each command checks scope (404), role (403), state (409) and its own rules (400), in that order.
 */
public record Inspection(UUID id, UUID enterpriseId, String districtCode, InspectionKind kind, String campaign,
                         Checklist checklist, InspectionStatus status, int findings, int majorFindings,
                         int enforcementActions) {
    public static final String STREAM_TYPE = "inspection";
    /** The state before the first event. */
    public static final Inspection NONE = null;
    private static final Set<EnterpriseStatus> INSPECTABLE = EnumSet.of(EnterpriseStatus.ACTIVE, EnterpriseStatus.SUSPENDED);

    /** What planning needs to know about the enterprise, from the local copy of the ledger. */
    public record Subject(UUID enterpriseId, String districtCode, EnterpriseStatus status) {
    }

    /**
     * @param campaign  name of the special campaign; required for SPECIAL_CAMPAIGN
     * @param checklist the campaign's checklist, optional, only for SPECIAL_CAMPAIGN
     */
    public record Plan(InspectionKind kind, LocalDate plannedDate, List<String> inspectors, String campaign,
                       Checklist checklist) {
    }

    /** A hazard found on site; {@code checklistItem} must be an item of the campaign's checklist when given. */
    public record Finding(String description, HazardCategory category, Severity severity, String location,
                          LocalDate suggestedDeadline, List<String> evidence, String checklistItem) {
    }

    /** An enforcement measure; FINE and CONFISCATION state an amount in yuan, the others none. */
    public record Action(EnforcementKind kind, BigDecimal amountYuan, String description, String noticeNumber) {
    }

    // ---- commands -----------------------------------------------------------------------------------------------

    /** Only enterprises that exist and operate (ACTIVE, or SUSPENDED 停产整顿 and under order) are inspected. */
    public static InspectionPlanned plan(Caller caller, UUID id, Subject subject, Plan plan) {
        caller.requireAllowed(InspectionCommand.PLAN.label(), InspectionCommand.PLAN.roles(), subject.enterpriseId(),
                subject.districtCode());
        requireKindForRole(caller, InspectionCommand.PLAN, plan.kind());
        List<RuleViolation.Violation> violations = new ArrayList<>();
        if (!INSPECTABLE.contains(subject.status())) {
            violations.add(new RuleViolation.Violation("enterpriseId",
                    "enterprise is " + subject.status() + "; only ACTIVE or SUSPENDED enterprises are inspected"));
        }
        if (plan.kind() == InspectionKind.SPECIAL_CAMPAIGN && blank(plan.campaign())) {
            violations.add(new RuleViolation.Violation("campaign", "a special campaign (专项检查) is named"));
        }
        if (plan.kind() != InspectionKind.SPECIAL_CAMPAIGN && plan.checklist() != null) {
            violations.add(new RuleViolation.Violation("checklist", "only a special campaign inspects against a checklist"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolation(violations);
        }
        return new InspectionPlanned(id, subject.enterpriseId(), subject.districtCode(), plan.kind(), plan.plannedDate(),
                List.copyOf(plan.inspectors()), blank(plan.campaign()) ? null : plan.campaign().strip(), plan.checklist());
    }

    public InspectionStarted start(Caller caller, Instant now) {
        allow(caller, InspectionCommand.START);
        requireState(InspectionCommand.START, EnumSet.of(InspectionStatus.PLANNED));
        return new InspectionStarted(id, now);
    }

    /** Findings are recorded on site only; each becomes one hazard in hazard-service. */
    public FindingRecorded recordFinding(Caller caller, UUID findingId, Finding finding) {
        allow(caller, InspectionCommand.RECORD_FINDING);
        requireState(InspectionCommand.RECORD_FINDING, EnumSet.of(InspectionStatus.IN_PROGRESS));
        if (finding.checklistItem() != null && !ChecklistCatalogue.contains(checklist, finding.checklistItem())) {
            throw new RuleViolation("checklistItem", checklist == null
                    ? "this inspection has no checklist"
                    : "not an item of the " + checklist + " checklist: " + ChecklistCatalogue.items(checklist).keySet());
        }
        return new FindingRecorded(id, findingId, enterpriseId, districtCode, kind, finding.description(),
                finding.category(), finding.severity(), finding.location(), finding.suggestedDeadline(),
                finding.evidence() == null ? List.of() : List.copyOf(finding.evidence()), finding.checklistItem());
    }

    public EnforcementActionTaken takeEnforcementAction(Caller caller, UUID actionId, Action action, Instant now) {
        allow(caller, InspectionCommand.TAKE_ENFORCEMENT_ACTION);
        requireState(InspectionCommand.TAKE_ENFORCEMENT_ACTION,
                EnumSet.of(InspectionStatus.IN_PROGRESS, InspectionStatus.COMPLETED));
        if (action.kind().hasAmount() && (action.amountYuan() == null || action.amountYuan().signum() <= 0)) {
            throw new RuleViolation("amountYuan", action.kind() + " states a positive amount in yuan");
        }
        if (!action.kind().hasAmount() && action.amountYuan() != null) {
            throw new RuleViolation("amountYuan", action.kind() + " carries no amount");
        }
        if (blank(action.description())) {
            throw new RuleViolation("description", "an enforcement action states what was decided");
        }
        return new EnforcementActionTaken(id, actionId, enterpriseId, districtCode, action.kind(), action.amountYuan(),
                action.description(), blank(action.noticeNumber()) ? null : action.noticeNumber(), now);
    }

    public InspectionCompleted complete(Caller caller, String summary, Instant now) {
        allow(caller, InspectionCommand.COMPLETE);
        requireState(InspectionCommand.COMPLETE, EnumSet.of(InspectionStatus.IN_PROGRESS));
        if (blank(summary)) {
            throw new RuleViolation("summary", "a completed inspection states its conclusion");
        }
        return new InspectionCompleted(id, summary, findings, majorFindings, enforcementActions, now);
    }

    public InspectionCancelled cancel(Caller caller, String reason, Instant now) {
        allow(caller, InspectionCommand.CANCEL);
        requireState(InspectionCommand.CANCEL, EnumSet.of(InspectionStatus.PLANNED, InspectionStatus.IN_PROGRESS));
        if (blank(reason)) {
            throw new RuleViolation("reason", "a cancellation states why");
        }
        return new InspectionCancelled(id, reason, now);
    }

    // ---- folding events -----------------------------------------------------------------------------------------

    public static Inspection apply(Inspection state, DomainEvent event) {
        if (event instanceof InspectionPlanned p) {
            return new Inspection(p.inspectionId(), p.enterpriseId(), p.districtCode(), p.kind(), p.campaign(),
                    p.checklist(), InspectionStatus.PLANNED, 0, 0, 0);
        }
        if (event instanceof InspectionStarted) {
            return state.with(InspectionStatus.IN_PROGRESS, 0, 0, 0);
        }
        if (event instanceof FindingRecorded f) {
            return state.with(state.status, 1, f.severity() == Severity.MAJOR ? 1 : 0, 0);
        }
        if (event instanceof EnforcementActionTaken) {
            return state.with(state.status, 0, 0, 1);
        }
        if (event instanceof InspectionCompleted) {
            return state.with(InspectionStatus.COMPLETED, 0, 0, 0);
        }
        if (event instanceof InspectionCancelled) {
            return state.with(InspectionStatus.CANCELLED, 0, 0, 0);
        }
        return state;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Inspection with(InspectionStatus next, int moreFindings, int moreMajor, int moreActions) {
        return new Inspection(id, enterpriseId, districtCode, kind, campaign, checklist, next, findings + moreFindings,
                majorFindings + moreMajor, enforcementActions + moreActions);
    }

    private void allow(Caller caller, InspectionCommand command) {
        caller.requireAllowed(command.label(), command.roles(), enterpriseId, districtCode);
        requireKindForRole(caller, command, kind);
    }

    /** Enterprise users run their own self-inspections (企业自查) only. */
    private static void requireKindForRole(Caller caller, InspectionCommand command, InspectionKind kind) {
        if (caller.role() == Role.ENTERPRISE && kind != InspectionKind.SELF_INSPECTION) {
            throw new Caller.Forbidden(command.label() + " of a " + kind + " inspection", caller.role());
        }
    }

    private void requireState(InspectionCommand command, Set<InspectionStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new IllegalTransition(command.label(), status.name());
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
