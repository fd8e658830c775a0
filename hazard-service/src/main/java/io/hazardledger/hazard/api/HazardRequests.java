package io.hazardledger.hazard.api;

import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.MajorAssessment;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.contracts.hazard.SupervisionLevel;
import io.hazardledger.hazard.domain.HazardReport;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The bodies of the hazard commands. */
public final class HazardRequests {
    private HazardRequests() {
    }

    /**
     * Reporting a hazard. A MAJOR one states {@code major}: the criterion (document, clause), its state and cause,
     * the harm and the difficulty of rectification. {@code reporter}: who reported it, for employee and public reports.
     */
    public record Report(@NotNull UUID enterpriseId, @NotNull HazardSource source, @NotBlank @Size(max = 200) String title,
                         @NotBlank @Size(max = 4000) String description, @Size(max = 200) String location,
                         @NotNull HazardCategory category, @NotNull Severity severity, MajorAssessment major,
                         @Size(max = 50) List<@NotBlank @Size(max = 500) String> evidence, @Size(max = 100) String reporter,
                         Instant foundAt) {
        HazardReport toReport() {
            return new HazardReport(enterpriseId, source, title, description, location, category, severity, major,
                    evidence, reporter, foundAt);
        }
    }

    /** Changing the grade; to MAJOR with the assessment. */
    public record Reclassification(@NotNull Severity severity, @NotBlank @Size(max = 1000) String reason,
                                   MajorAssessment major) {
    }

    public record DeadlineExtension(@NotNull LocalDate deadline, @NotBlank @Size(max = 1000) String reason) {
    }

    public record Completion(@NotBlank @Size(max = 4000) String summary, @Size(max = 50) List<@NotBlank @Size(max = 500) String> evidence) {
    }

    /** The verification result; a failed one states why in {@code comment}. */
    public record Verification(@NotNull Boolean passed, @Size(max = 2000) String comment) {
    }

    /** {@code listed: true} lists the hazard (level and notice number); {@code false} lifts the listing. */
    public record SupervisionChange(@NotNull Boolean listed, SupervisionLevel level, @Size(max = 100) String noticeNumber,
                                    @Size(max = 1000) String reason) {
    }

    public record Voiding(@NotBlank @Size(max = 1000) String reason) {
    }

    public record Reward(@NotNull @Positive BigDecimal amountYuan) {
    }
}
