package io.hazardledger.contracts.report;

import io.hazardledger.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A district's quarterly hazard table (隐患排查治理季度统计表, 16号令 §14) was first produced after its quarter ended.
 *
 * @param filingId     the quarterly filing (季度报送) of the district: one per year, quarter and district
 * @param due          last day the table is on time (before the 15th of the next quarter's first month)
 * @param found        hazards found in the quarter, as the table stated them when produced
 * @param closed       of those, closed by the quarter's end
 * @param closureRate  整改率, four decimals; null when none found
 */
public record QuarterlyTableProduced(UUID filingId, int year, int quarter, String districtCode, LocalDate due,
                                     Instant producedAt, long found, long closed, BigDecimal closureRate)
        implements DomainEvent {
}
