package io.hazardledger.reporting.api;

import io.hazardledger.contracts.inspection.EnforcementKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;

/** Inspection work of a period [from, to): inspections count where and when they started; cancelled ones never. */
public record InspectionStatistics(
        String districtCode,
        @Schema(description = "Inspections started in the period (InspectionStarted), cancelled ones excluded") long inspections,
        @Schema(description = "Distinct enterprises of those inspections") long enterprisesInspected,
        @Schema(description = "Findings (FindingRecorded) of those inspections") long findings,
        @Schema(description = "findings / inspections, four decimals; null when no inspection") BigDecimal findingsPerInspection,
        @Schema(description = "Enforcement actions taken in the period (EnforcementActionTaken.takenAt), by kind; every kind present") Map<EnforcementKind, Long> enforcementActions,
        @Schema(description = "Sum of FINE amounts (罚款), yuan") BigDecimal finesYuan,
        @Schema(description = "Number of CONFISCATION actions (没收违法所得)") long confiscations,
        @Schema(description = "Sum of CONFISCATION amounts, yuan") BigDecimal confiscatedYuan) {
}
