package io.hazardledger.reporting.persistence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A period [from, to) and the moment its closures are counted to: now for the live tables ({@code closedBy} far in
 * the future, {@code overdueBefore} today), the period's end for the quarterly table.
 *
 * @param district      the district in scope, or null for all
 * @param overdueBefore a hazard whose deadline in force is before this date is overdue while open
 */
public record Period(Instant from, Instant to, Instant closedBy, LocalDate overdueBefore, Instant now, String district) {
}
