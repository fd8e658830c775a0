package io.hazardledger.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** Hazards found per calendar month (reporting time zone) and how many of them are closed now. */
public record Trend(@Schema(description = "District in scope; null for all") String districtCode, List<Month> months) {

    public record Month(@Schema(description = "yyyy-MM") String month,
                        @Schema(description = "Hazards found in the month, voided ones excluded") long found,
                        @Schema(description = "Of those, closed as of now") long closed,
                        @Schema(description = "closed / found, four decimals; null when found = 0") BigDecimal closureRate) {
    }
}
