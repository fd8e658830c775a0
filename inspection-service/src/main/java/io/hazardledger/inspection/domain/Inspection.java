package io.hazardledger.inspection.domain;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.enterprise.EnterpriseStatus;
import io.hazardledger.contracts.inspection.FindingRecorded;
import io.hazardledger.contracts.inspection.InspectionKind;
import io.hazardledger.contracts.inspection.InspectionPlanned;
import io.hazardledger.contracts.inspection.InspectionStarted;
import io.hazardledger.eventstore.domain.IllegalTransition;
import io.hazardledger.eventstore.domain.RuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An inspection of one enterprise: planned, carried out on site (findings recorded), completed or cancelled. */
public record Inspection(UUID id, UUID enterpriseId, String districtCode, InspectionKind kind,
                         InspectionStatus status, int findings) {
    public static final String STREAM_TYPE = "inspection";
    /** The state before the first event. */
    public static final Inspection NONE = null;

    /** What planning needs to know about the enterprise, from the local copy of the ledger. */
    public record Subject(UUID enterpriseId, String districtCode, EnterpriseStatus status) {
    }

    public record Plan(InspectionKind kind, LocalDate plannedDate, List<String> inspectors, String campaign) {
    }

    public record Finding(String description, io.hazardledger.contracts.hazard.HazardCategory category,
                          io.hazardledger.contracts.hazard.Severity severity, String location,
                          LocalDate suggestedDeadline, List<String> evidence) {
    }

    /** Only enterprises that operate (ACTIVE, or SUSPENDED 停产整顿 and under order) are inspected. */
    public static InspectionPlanned plan(UUID id, Subject subject, Plan plan) {
        if (subject.status() == EnterpriseStatus.CLOSED) {
            throw new RuleViolation("enterpriseId", "enterprise is closed (关闭取缔) and cannot be inspected");
        }
        return new InspectionPlanned(id, subject.enterpriseId(), subject.districtCode(), plan.kind(), plan.plannedDate(),
                List.copyOf(plan.inspectors()), plan.campaign());
    }

    public InspectionStarted start(Instant now) {
        require(InspectionStatus.PLANNED, "start");
        return new InspectionStarted(id, now);
    }

    /** Findings are recorded on site only; each becomes one hazard in hazard-service. */
    public FindingRecorded recordFinding(UUID findingId, Finding finding) {
        require(InspectionStatus.IN_PROGRESS, "record finding");
        return new FindingRecorded(id, findingId, enterpriseId, districtCode, kind, finding.description(),
                finding.category(), finding.severity(), finding.location(), finding.suggestedDeadline(),
                finding.evidence() == null ? List.of() : List.copyOf(finding.evidence()));
    }

    public static Inspection apply(Inspection state, DomainEvent event) {
        if (event instanceof InspectionPlanned planned) {
            return new Inspection(planned.inspectionId(), planned.enterpriseId(), planned.districtCode(), planned.kind(),
                    InspectionStatus.PLANNED, 0);
        }
        if (event instanceof InspectionStarted) {
            return state.withStatus(InspectionStatus.IN_PROGRESS);
        }
        if (event instanceof FindingRecorded) {
            return new Inspection(state.id, state.enterpriseId, state.districtCode, state.kind, state.status, state.findings + 1);
        }
        return state;
    }

    private Inspection withStatus(InspectionStatus next) {
        return new Inspection(id, enterpriseId, districtCode, kind, next, findings);
    }

    private void require(InspectionStatus expected, String command) {
        if (status != expected) {
            throw new IllegalTransition(command, status.name());
        }
    }
}
