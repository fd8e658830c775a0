package io.hazardledger.reporting.persistence;

import java.math.BigDecimal;

/** Raw counts of one group of hazards (a district, a street, … or the total), from which the figures are derived. */
public record HazardTally(String key, boolean total, long found, long closed, long closedOnTime, long overdue,
                          long majorFound, long majorClosed, long majorOpen, long majorListed, long underSupervision,
                          double closeSeconds, BigDecimal fundsYuan, long assigned, long assignedWithFiveItems,
                          long cumulativeClosed, long cumulativeFound, long reviewOverdue, long employeeReports,
                          BigDecimal rewardsYuan, long rewardingEnterprises) {

    /** The counts of both groups added (distinct enterprises cannot be added: see {@link #asTotal}). */
    public HazardTally plus(HazardTally o) {
        return new HazardTally(key, total, found + o.found, closed + o.closed, closedOnTime + o.closedOnTime,
                overdue + o.overdue, majorFound + o.majorFound, majorClosed + o.majorClosed, majorOpen + o.majorOpen,
                majorListed + o.majorListed, underSupervision + o.underSupervision, closeSeconds + o.closeSeconds,
                fundsYuan.add(o.fundsYuan), assigned + o.assigned, assignedWithFiveItems + o.assignedWithFiveItems,
                cumulativeClosed + o.cumulativeClosed, cumulativeFound + o.cumulativeFound, reviewOverdue + o.reviewOverdue,
                employeeReports + o.employeeReports, rewardsYuan.add(o.rewardsYuan), 0);
    }

    /** This sum as the total row, with the distinct rewarding enterprises counted over all groups. */
    public HazardTally asTotal(long allRewardingEnterprises) {
        return new HazardTally(null, true, found, closed, closedOnTime, overdue, majorFound, majorClosed, majorOpen,
                majorListed, underSupervision, closeSeconds, fundsYuan, assigned, assignedWithFiveItems, cumulativeClosed,
                cumulativeFound, reviewOverdue, employeeReports, rewardsYuan, allRewardingEnterprises);
    }

    public static HazardTally empty(String key) {
        return new HazardTally(key, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0,
                BigDecimal.ZERO, 0);
    }
}
