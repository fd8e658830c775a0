package io.hazardledger.reporting.persistence;

import java.time.LocalDate;

/**
 * The hazard tallies per district of a period whose closures count up to now, from the day and month buckets of
 * {@code rp_hazard_rollup} (see its migration) instead of every hazard: the whole months of the period, the days
 * before the first of them and the days from the last month's start. Overdue hazards and overdue reviews depend on
 * today, and MAJOR hazards listed for supervision only after the period ended must be taken out: these come from the
 * hazards themselves, through partial indexes on the few that are open, awaiting review or listed.
 * The two are separate statements, read side by side on two connections ({@link StatisticsRepository}), which also
 * answers every other period by scanning. Both run serially ({@code rp_serial_plan()}, migration V4): parallel
 * workers cost more than they save here.
 */
final class DistrictRollup {
    static final String TALLIES = """
            WITH r AS (
                SELECT r.district_code,
                       (r.grain = 'M' AND r.bucket >= :monthsFrom AND r.bucket < :monthsTo
                        OR r.grain = 'D' AND (r.bucket >= :firstDay AND r.bucket < :headEnd
                                              OR r.bucket >= :tailStart AND r.bucket < :endDay)) AS in_period,
                       (r.grain = 'M' OR r.bucket >= :cumulativeMonthsTo) AS before_end,
                       sum(found) AS found, sum(closed) AS closed, sum(closed_on_time) AS closed_on_time,
                       sum(major_found) AS major_found, sum(major_closed) AS major_closed,
                       sum(major_listed) AS major_listed, sum(under_supervision) AS under_supervision,
                       sum(close_seconds) AS close_seconds, sum(funds_yuan) AS funds_yuan, sum(assigned) AS assigned,
                       sum(assigned_five_items) AS assigned_five_items, sum(employee_reports) AS employee_reports,
                       sum(rewards_yuan) AS rewards_yuan
                FROM rp_hazard_rollup r
                WHERE rp_serial_plan() AND r.generation = :g AND (CAST(:district AS varchar) IS NULL OR r.district_code = :district)
                  AND (r.grain = 'M' AND r.bucket < :cumulativeMonthsTo
                       OR r.grain = 'D' AND (r.bucket >= :firstDay AND r.bucket < :headEnd
                                             OR r.bucket >= :cumulativeMonthsTo AND r.bucket < :endDay))
                GROUP BY 1, 2, 3),
            t AS (
                SELECT district_code,
                       sum(found) FILTER (WHERE in_period) AS found, sum(closed) FILTER (WHERE in_period) AS closed,
                       sum(closed_on_time) FILTER (WHERE in_period) AS closed_on_time,
                       sum(major_found) FILTER (WHERE in_period) AS major_found,
                       sum(major_closed) FILTER (WHERE in_period) AS major_closed,
                       sum(major_listed) FILTER (WHERE in_period) AS major_listed,
                       sum(under_supervision) FILTER (WHERE in_period) AS under_supervision,
                       sum(close_seconds) FILTER (WHERE in_period) AS close_seconds,
                       sum(funds_yuan) FILTER (WHERE in_period) AS funds_yuan,
                       sum(assigned) FILTER (WHERE in_period) AS assigned,
                       sum(assigned_five_items) FILTER (WHERE in_period) AS assigned_five_items,
                       sum(closed) FILTER (WHERE before_end) AS cumulative_closed,
                       sum(found) FILTER (WHERE before_end) AS cumulative_found,
                       sum(employee_reports) FILTER (WHERE in_period) AS employee_reports,
                       sum(rewards_yuan) FILTER (WHERE in_period) AS rewards_yuan
                FROM r GROUP BY district_code HAVING sum(found) FILTER (WHERE before_end) > 0)
            SELECT district_code, coalesce(found, 0), coalesce(closed, 0), coalesce(closed_on_time, 0),
                   coalesce(major_found, 0), coalesce(major_closed, 0), coalesce(major_listed, 0),
                   coalesce(under_supervision, 0), coalesce(close_seconds, 0), coalesce(funds_yuan, 0),
                   coalesce(assigned, 0), coalesce(assigned_five_items, 0), cumulative_closed, cumulative_found,
                   coalesce(employee_reports, 0), coalesce(rewards_yuan, 0)
            FROM t ORDER BY district_code""";

    /**
     * Per district, the hazards of the period still open past their deadline, awaiting an overdue review, and MAJOR
     * ones listed for supervision only after the period: from the hazards, through partial indexes on the few concerned.
     */
    static final String LATE = """
            SELECT district_code, sum(overdue) AS overdue, sum(review_overdue) AS review_overdue,
                   sum(listed_after) AS listed_after
            FROM (SELECT h.district_code, 1 AS overdue, 0 AS review_overdue, 0 AS listed_after FROM rp_hazard h
                  WHERE rp_serial_plan() AND h.generation = :g AND h.closed_at IS NULL AND NOT h.voided AND h.deadline < :overdueBefore
                    AND h.found_at >= :from AND h.found_at < :to
                    AND (CAST(:district AS varchar) IS NULL OR h.district_code = :district)
                  UNION ALL
                  SELECT h.district_code, 0, 1, 0 FROM rp_hazard h
                  WHERE h.generation = :g AND h.awaiting_verification AND h.severity = 'MAJOR' AND NOT h.voided
                    AND h.review_due_by < :now AND h.found_at >= :from AND h.found_at < :to
                    AND (CAST(:district AS varchar) IS NULL OR h.district_code = :district)
                  UNION ALL
                  SELECT h.district_code, 0, 0, 1 FROM rp_hazard h
                  WHERE h.generation = :g AND h.severity = 'MAJOR' AND h.supervision_listed_at IS NOT NULL
                    AND NOT h.voided AND h.supervision_listed_at >= :to AND h.found_at >= :from AND h.found_at < :to
                    AND (CAST(:district AS varchar) IS NULL OR h.district_code = :district)) l
            GROUP BY district_code""";

    private DistrictRollup() {
    }

    /**
     * The buckets of a period: in it, the months [monthsFrom, monthsTo) and the days [firstDay, headEnd) before them
     * and [tailStart, endDay) after them (a period without a whole month is days only); before its end (the
     * cumulative figures), the months before cumulativeMonthsTo and the days from there to endDay.
     */
    record Buckets(LocalDate monthsFrom, LocalDate monthsTo, LocalDate headEnd, LocalDate tailStart,
                   LocalDate cumulativeMonthsTo) {
        static Buckets of(LocalDate firstDay, LocalDate endDay) {
            LocalDate monthsFrom = firstDay.getDayOfMonth() == 1 ? firstDay : firstDay.withDayOfMonth(1).plusMonths(1);
            LocalDate monthsTo = endDay.withDayOfMonth(1);
            if (monthsFrom.isBefore(monthsTo)) {
                return new Buckets(monthsFrom, monthsTo, monthsFrom, monthsTo, monthsTo);
            }
            return new Buckets(monthsTo, monthsTo, endDay, endDay, monthsTo);
        }
    }
}
