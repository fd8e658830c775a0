package io.hazardledger.reporting.persistence;

import java.math.BigDecimal;

/** Raw counts of one group of hazards (a district, a street, … or the total), from which the figures are derived. */
public record HazardTally(String key, boolean total, long found, long closed, long closedOnTime, long overdue,
                          long majorFound, long majorClosed, long majorOpen, long majorListed, long underSupervision,
                          double closeSeconds, BigDecimal fundsYuan, long assigned, long assignedWithFiveItems,
                          long cumulativeClosed, long cumulativeFound, long reviewOverdue, long employeeReports,
                          BigDecimal rewardsYuan, long rewardingEnterprises) {

    public static HazardTally empty(String key) {
        return new HazardTally(key, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0,
                BigDecimal.ZERO, 0);
    }
}
