package io.hazardledger.inspection.api;

import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.inspection.domain.Inspection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A hazard found on site.
 *
 * @param description       what was found
 * @param category          kind of danger
 * @param severity          GENERAL or MAJOR
 * @param location          where on the premises
 * @param suggestedDeadline the inspector's suggested rectification deadline, optional
 * @param evidence          references to photos or documents, optional
 * @param checklistItem     code of the campaign checklist's item the finding breaches (e.g. CS-02), optional
 */
public record RecordFindingRequest(
        @NotBlank @Size(max = 2000) String description,
        @NotNull HazardCategory category,
        @NotNull Severity severity,
        @NotBlank @Size(max = 200) String location,
        LocalDate suggestedDeadline,
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> evidence,
        @Size(max = 20) String checklistItem) {

    Inspection.Finding toFinding() {
        return new Inspection.Finding(description, category, severity, location, suggestedDeadline, evidence, checklistItem);
    }
}
