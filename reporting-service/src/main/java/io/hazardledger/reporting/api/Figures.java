package io.hazardledger.reporting.api;

import io.hazardledger.reporting.persistence.HazardTally;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The hazard figures of one scope (a district, a street, an industry, a category, a severity, or the total) for a
 * period [from, to) in calendar days of the reporting time zone. Rates have four decimals and are null when their
 * denominator is 0. A voided hazard counts nowhere. A hazard stays in the district, street and industry it was
 * found in, even when its enterprise later moves; its severity is the one in force now.
 */
@Schema(description = "Hazard figures of one scope and period (DESIGN §6)")
public record Figures(
        @Schema(description = "Hazards whose HazardFound falls in the period, voided ones excluded")
        long found,
        @Schema(description = "Of the found hazards, those closed (销号): as of now, or as of the period's end in the quarterly table")
        long closed,
        @Schema(description = "整改率 closure rate = closed / found; null when found = 0")
        BigDecimal closureRate,
        @Schema(description = "Closed hazards closed on or before the deadline in force when closed (HazardClosed.onTime) / closed; null when closed = 0")
        BigDecimal onTimeRate,
        @Schema(description = "found − closed")
        long open,
        @Schema(description = "Open hazards whose deadline in force (after extensions) is before today (the quarter's end in the quarterly table); hazards without an assigned deadline are never overdue")
        long overdue,
        @Schema(description = "Found hazards graded MAJOR (重大隐患) now")
        long majorFound,
        @Schema(description = "Open hazards graded MAJOR")
        long majorOpen,
        @Schema(description = "Open hazards listed for supervision (挂牌督办) now")
        long underSupervision,
        @Schema(description = "Mean of (closedAt − foundAt) in days over the closed hazards, two decimals; null when closed = 0")
        BigDecimal meanDaysToClose,
        @Schema(description = "Sum of the rectification funds (yuan) of the hazards whose RectificationAssigned falls in the period")
        BigDecimal fundsYuan,
        @Schema(description = "Cumulative closure rate: all hazards closed before the period's end / all found before it (carries the backlog); null when none found")
        BigDecimal cumulativeClosureRate,
        @Schema(description = "五落实率: hazards assigned in the period whose plan names all five items (responsible person, measures, funds, deadline, emergency measures) / hazards assigned in the period; null when none assigned")
        BigDecimal fiveItemsRate,
        @Schema(description = "Found MAJOR hazards awaiting the regulator's review (§23) for more than 10 days: rectification submitted (RectificationSubmitted), neither verified nor failed nor closed since, and now past reviewDueBy = submittedAt + 10 days")
        long reviewOverdue,
        @Schema(description = "Found hazards reported by employees (source EMPLOYEE_REPORT, 内部报告)")
        long employeeReports,
        @Schema(description = "Rewards paid to reporters (ReporterRewarded) in the period, yuan")
        BigDecimal rewardsYuan,
        @Schema(description = "Enterprises that paid at least one reporter reward in the period (the reward scheme in operation)")
        long rewardingEnterprises) {

    public static Figures of(HazardTally t) {
        return new Figures(t.found(), t.closed(), rate(t.closed(), t.found()), rate(t.closedOnTime(), t.closed()),
                t.found() - t.closed(), t.overdue(), t.majorFound(), t.majorOpen(), t.underSupervision(),
                t.closed() == 0 ? null : BigDecimal.valueOf(t.closeSeconds() / 86_400d / t.closed()).setScale(2, RoundingMode.HALF_UP),
                t.fundsYuan().setScale(2, RoundingMode.HALF_UP), rate(t.cumulativeClosed(), t.cumulativeFound()),
                rate(t.assignedWithFiveItems(), t.assigned()), t.reviewOverdue(), t.employeeReports(),
                t.rewardsYuan().setScale(2, RoundingMode.HALF_UP), t.rewardingEnterprises());
    }

    /** numerator / denominator to four decimals, null when the denominator is 0 (e.g. 910 / 946 = 0.9619). */
    public static BigDecimal rate(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }
}
