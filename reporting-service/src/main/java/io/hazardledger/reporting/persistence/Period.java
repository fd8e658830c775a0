package io.hazardledger.reporting.persistence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A period [from, to) of whole days and the moment its closures are counted to: now for the live tables
 * ({@code closedBy} far in the future, {@code overdueBefore} today), the period's end for the quarterly table.
 *
 * @param firstDay      the day {@code from} starts, in the reporting time zone
 * @param endDay        the day {@code to} starts: the first day after the period
 * @param district      the district in scope, or null for all
 * @param overdueBefore a hazard whose deadline in force is before this date is overdue while open
 */
public record Period(LocalDate firstDay, LocalDate endDay, Instant from, Instant to, Instant closedBy,
                     LocalDate overdueBefore, Instant now, String district) {

    /** Whether every closure up to now counts (the live tables), as the district roll-up holds them. */
    boolean closuresToNow() {
        return !closedBy.isBefore(now);
    }
}
