package io.hazardledger.reporting.domain;

import java.time.LocalDate;

/**
 * A calendar quarter. Its table (16号令 §14) is due before the 15th of the first month of the next quarter, i.e. by
 * the 14th; the fourth quarter's table also serves as the annual one, due by 31 January.
 */
public record Quarter(int year, int quarter) {

    public Quarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1–4");
        }
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
    }

    /** The first day after the quarter: the exclusive end of its period. */
    public LocalDate end() {
        return firstDay().plusMonths(3);
    }

    /** Last day on which the quarterly table is on time (before the 15th of the next quarter's first month). */
    public LocalDate due() {
        return end().withDayOfMonth(14);
    }

    /** The annual table's due date when this is the fourth quarter; else null. */
    public LocalDate annualDue() {
        return quarter == 4 ? LocalDate.of(year + 1, 1, 31) : null;
    }

    public boolean closedBy(LocalDate today) {
        return !end().isAfter(today);
    }
}
