package io.hazardledger.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The quarterly hazard table (16号令 §14 duty): one row per district and a total. Found = found in the quarter;
 * closed = of those, closed before the quarter's end; overdue = open at the quarter's end with a deadline in force
 * before it. Severity is the grade in force now.
 */
public record QuarterlyTable(int year, int quarter, LocalDate from, LocalDate to, String timeZone,
                             @Schema(description = "Last day the table is on time (before the 15th of the next quarter's first month)") LocalDate due,
                             @Schema(description = "For Q4: the annual table's due date, 31 January") LocalDate annualDue,
                             @Schema(description = "Whether the quarter has ended; only an ended quarter's table is recorded as produced") boolean complete,
                             List<Row> districts, Row total) {

    public record Row(
            @Schema(description = "GB/T 2260 code; null on the total") String districtCode,
            String districtName,
            @Schema(description = "GENERAL hazards found in the quarter") long generalFound,
            @Schema(description = "MAJOR hazards found in the quarter") long majorFound,
            @Schema(description = "Of the GENERAL ones, closed by the quarter's end") long generalClosed,
            @Schema(description = "Of the MAJOR ones, closed by the quarter's end") long majorClosed,
            @Schema(description = "整改率 (general + major closed) / found, four decimals; null when none found") BigDecimal closureRate,
            @Schema(description = "Rectification funds of hazards assigned in the quarter, yuan") BigDecimal fundsYuan,
            @Schema(description = "MAJOR hazards found in the quarter and listed for supervision (挂牌督办) before its end") long majorListed,
            @Schema(description = "Hazards found in the quarter, open at its end, with a deadline in force before it") long overdueAtQuarterEnd,
            @Schema(description = "When the district's table was first produced (GET after the quarter ended)") Instant producedAt,
            @Schema(description = "When a regulator of the district signed it off") Instant signedOffAt,
            @Schema(description = "Who signed it off") String signedOffBy) {
    }
}
