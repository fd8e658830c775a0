package io.hazardledger.reporting.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Hazard figures of one district (or the total) for a period [from, to).
 *
 * @param districtCode GB/T 2260 code; null on the total row
 * @param found        hazards whose HazardFound falls in the period, voided ones excluded
 * @param closed       of those, the ones closed (销号) as of now
 * @param closureRate  整改率 = closed / found, four decimals; null when nothing was found
 * @param open         found − closed
 * @param majorFound   found hazards graded MAJOR
 * @param majorOpen    MAJOR hazards among the open ones
 */
public record DistrictFigures(String districtCode, long found, long closed, BigDecimal closureRate, long open,
                              long majorFound, long majorOpen) {

    public static DistrictFigures of(String districtCode, long found, long closed, long majorFound, long majorOpen) {
        BigDecimal rate = found == 0 ? null
                : BigDecimal.valueOf(closed).divide(BigDecimal.valueOf(found), 4, RoundingMode.HALF_UP);
        return new DistrictFigures(districtCode, found, closed, rate, found - closed, majorFound, majorOpen);
    }

    public static DistrictFigures total(java.util.List<DistrictFigures> rows) {
        return of(null, rows.stream().mapToLong(DistrictFigures::found).sum(),
                rows.stream().mapToLong(DistrictFigures::closed).sum(),
                rows.stream().mapToLong(DistrictFigures::majorFound).sum(),
                rows.stream().mapToLong(DistrictFigures::majorOpen).sum());
    }
}
