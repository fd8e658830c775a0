package io.hazardledger.inspection.api;

import io.hazardledger.contracts.inspection.Checklist;
import io.hazardledger.contracts.inspection.InspectionKind;
import io.hazardledger.inspection.domain.Inspection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Planning an inspection.
 *
 * @param enterpriseId the enterprise to inspect; must be in the ledger and not closed
 * @param kind         kind of inspection
 * @param plannedDate  the day it is planned for
 * @param inspectors   inspectors or experts taking part, at least one
 * @param campaign     name of the special campaign (专项检查); required for SPECIAL_CAMPAIGN
 * @param checklist    the checklist a special campaign inspects against, optional
 */
public record PlanInspectionRequest(
        @NotNull UUID enterpriseId,
        @NotNull InspectionKind kind,
        @NotNull LocalDate plannedDate,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> inspectors,
        @Size(max = 100) String campaign,
        Checklist checklist) {

    Inspection.Plan toPlan() {
        return new Inspection.Plan(kind, plannedDate, inspectors, campaign, checklist);
    }
}
