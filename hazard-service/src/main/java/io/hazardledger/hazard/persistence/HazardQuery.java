package io.hazardledger.hazard.persistence;

import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.hazard.domain.HazardStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Filters of the hazard list; null means "any". {@code overdue}: rectifying past the deadline in force on
 * {@code today}; {@code underSupervision}: listed (挂牌督办); {@code reviewOverdue}: a MAJOR hazard whose 10-day
 * review has run out at {@code now}; {@code foundFrom}/{@code foundTo}: found in [from, to).
 */
public record HazardQuery(String districtCode, String streetCode, UUID enterpriseId, HazardStatus status,
                          Severity severity, HazardSource source, Boolean overdue, Boolean underSupervision,
                          Boolean reviewOverdue, Instant foundFrom, Instant foundTo, LocalDate today, Instant now,
                          Sort sort, int page, int size) {

    /** Stable orders: each ends on the id. */
    public enum Sort {
        FOUND_DESC("foundAt desc, id"),
        FOUND_ASC("foundAt asc, id"),
        DEADLINE_ASC("deadline asc nulls last, id");

        final String hql;

        Sort(String hql) {
            this.hql = hql;
        }
    }
}
