package io.hazardledger.inspection.api;

import io.hazardledger.contracts.inspection.EnforcementKind;
import io.hazardledger.inspection.domain.Inspection;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Bodies of the commands on an existing inspection. */
public final class InspectionRequests {
    private InspectionRequests() {
    }

    /** Completing: the inspectors' conclusion; the counts come from the inspection itself. */
    public record Completion(@NotBlank @Size(max = 2000) String summary) {
    }

    public record Cancellation(@NotBlank @Size(max = 500) String reason) {
    }

    /**
     * An enforcement action.
     *
     * @param amountYuan   for FINE and CONFISCATION, in yuan; none for the other kinds
     * @param noticeNumber number of the written decision (文书编号), optional
     */
    public record EnforcementAction(
            @NotNull EnforcementKind kind,
            @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2) BigDecimal amountYuan,
            @NotBlank @Size(max = 2000) String description,
            @Size(max = 100) String noticeNumber) {

        Inspection.Action toAction() {
            return new Inspection.Action(kind, amountYuan, description, noticeNumber);
        }
    }
}
