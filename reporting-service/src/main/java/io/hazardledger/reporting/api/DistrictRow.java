package io.hazardledger.reporting.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * One district of the district table (or the total, with districtCode null): its hazard figures and its coverage.
 */
public record DistrictRow(
        @Schema(description = "GB/T 2260 county-level code; null on the total row") String districtCode,
        @Schema(description = "Chinese name, from the GB/T 2260 gazetteer the registry checks codes against; null for a code outside it")
        String districtName,
        @JsonUnwrapped Figures figures,
        @Schema(description = "Enterprises of the district (where they are now) whose status is ACTIVE now") long activeEnterprises,
        @Schema(description = "Of those, the ones with an inspection started in the period (not cancelled)") long enterprisesInspected,
        @Schema(description = "coverage = enterprisesInspected / activeEnterprises, four decimals; null when no active enterprise")
        BigDecimal coverage,
        @Schema(description = "Inspections started in the period in the district (where the inspection took place), cancelled ones excluded")
        long inspections) {
}
