package io.hazardledger.reporting.persistence;

import io.hazardledger.reporting.persistence.NamedQuery.Bindings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hazard, enterprise and inspection figures, each one query over the active generation's tables, run on the SQL
 * client ({@link NamedQuery}). Each read takes a connection of its own, so a table may ask for them side by side.
 */
@ApplicationScoped
public class StatisticsRepository {
    static final String ACTIVE = "(SELECT generation FROM rp_generation WHERE status = 'ACTIVE')";
    private static final String HAZARDS = """
            WITH h AS (
                SELECT %s AS key, h.enterprise_id, h.found_at >= :from AS in_period, h.severity = 'MAJOR' AS major,
                       h.closed_at IS NOT NULL AND h.closed_at < :closedBy AS closed, h.on_time, h.closed_at, h.found_at,
                       h.deadline, h.supervision_level, h.supervision_listed_at, h.source, h.funds_yuan, h.five_items,
                       h.assigned_at >= :from AND h.assigned_at < :to AS assigned_in_period,
                       h.awaiting_verification AND h.severity = 'MAJOR' AND h.review_due_by < :now AS review_overdue,
                       h.rewarded_at >= :from AND h.rewarded_at < :to AS rewarded_in_period, h.reward_yuan
                FROM rp_hazard h
                WHERE h.generation = :g AND NOT h.voided AND h.found_at < :to
                  AND (CAST(:district AS varchar) IS NULL OR h.district_code = :district))
            SELECT key,
                   count(*) FILTER (WHERE in_period),
                   count(*) FILTER (WHERE in_period AND closed),
                   count(*) FILTER (WHERE in_period AND closed AND on_time),
                   count(*) FILTER (WHERE in_period AND NOT closed AND deadline < :overdueBefore),
                   count(*) FILTER (WHERE in_period AND major),
                   count(*) FILTER (WHERE in_period AND major AND closed),
                   count(*) FILTER (WHERE in_period AND major AND NOT closed),
                   count(*) FILTER (WHERE in_period AND major AND supervision_listed_at < :to),
                   count(*) FILTER (WHERE in_period AND NOT closed AND supervision_level IS NOT NULL),
                   coalesce(sum(extract(epoch FROM closed_at - found_at)) FILTER (WHERE in_period AND closed), 0),
                   coalesce(sum(funds_yuan) FILTER (WHERE assigned_in_period), 0),
                   count(*) FILTER (WHERE assigned_in_period),
                   count(*) FILTER (WHERE assigned_in_period AND five_items),
                   count(*) FILTER (WHERE closed),
                   count(*),
                   count(*) FILTER (WHERE in_period AND review_overdue),
                   count(*) FILTER (WHERE in_period AND source = 'EMPLOYEE_REPORT'),
                   coalesce(sum(reward_yuan) FILTER (WHERE rewarded_in_period), 0)
            FROM h GROUP BY key ORDER BY key""";
    // Apart, because a DISTINCT aggregate would keep the query above from hashing in parallel; rewards are rare.
    private static final String REWARDING = """
            SELECT %s AS key, grouping(%1$s), count(DISTINCT h.enterprise_id)
            FROM rp_hazard h
            WHERE h.generation = :g AND NOT h.voided AND h.found_at < :to
              AND h.rewarded_at IS NOT NULL AND h.rewarded_at >= :from AND h.rewarded_at < :to
              AND (CAST(:district AS varchar) IS NULL OR h.district_code = :district)
            GROUP BY GROUPING SETS ((%1$s), ())""";
    private static final String COVERAGE = """
            SELECT e.district_code, grouping(e.district_code),
                   count(*) FILTER (WHERE e.status = 'ACTIVE'),
                   count(*) FILTER (WHERE e.status = 'ACTIVE' AND EXISTS (
                       SELECT 1 FROM rp_inspection i WHERE i.generation = e.generation AND i.enterprise_id = e.enterprise_id
                       AND NOT i.cancelled AND i.started_at >= :from AND i.started_at < :to))
            FROM rp_enterprise e WHERE e.generation = %s
              AND (CAST(:district AS varchar) IS NULL OR e.district_code = :district)
            GROUP BY GROUPING SETS ((e.district_code), ())""";
    private static final String INSPECTIONS = """
            SELECT i.district_code, grouping(i.district_code), count(*)
            FROM rp_inspection i WHERE i.generation = %s AND NOT i.cancelled AND i.started_at >= :from AND i.started_at < :to
              AND (CAST(:district AS varchar) IS NULL OR i.district_code = :district)
            GROUP BY GROUPING SETS ((i.district_code), ())""";

    // Every district with a counted hazard: its month buckets (about a hundred districts times the months).
    private static final String HAZARD_DISTRICTS = """
            SELECT DISTINCT r.district_code FROM rp_hazard_rollup r
            WHERE r.generation = %s AND r.grain = 'M'
              AND (CAST(:district AS varchar) IS NULL OR r.district_code = :district)""";

    private static final NamedQuery ACTIVE_GENERATION = NamedQuery.of(ACTIVE.substring(1, ACTIVE.length() - 1));
    private static final NamedQuery DISTRICTS_WITH_HAZARDS = NamedQuery.of(HAZARD_DISTRICTS.formatted(ACTIVE));
    private static final NamedQuery ENTERPRISE_COVERAGE = NamedQuery.of(COVERAGE.formatted(ACTIVE));
    private static final NamedQuery INSPECTIONS_STARTED = NamedQuery.of(INSPECTIONS.formatted(ACTIVE));
    private static final NamedQuery ROLLED_UP = NamedQuery.of(DistrictRollup.TALLIES);
    private static final NamedQuery LATE = NamedQuery.of(DistrictRollup.LATE);
    private static final Map<Breakdown, NamedQuery> SCANNED = new EnumMap<>(Breakdown.class);
    private static final Map<Breakdown, NamedQuery> REWARDING_ENTERPRISES = new EnumMap<>(Breakdown.class);

    static {
        for (Breakdown by : Breakdown.values()) {
            SCANNED.put(by, NamedQuery.of(HAZARDS.formatted(by.column)));
            REWARDING_ENTERPRISES.put(by, NamedQuery.of(REWARDING.formatted(by.column)));
        }
    }

    @Inject
    Pool pool;

    /** Districts where a hazard of the active generation was found (voided ones aside), whatever the period. */
    public Uni<List<String>> hazardDistricts(Period period) {
        return DISTRICTS_WITH_HAZARDS.rows(pool, new Bindings().set("district", period.district()))
                .map(rows -> rows.stream().map(row -> (String) row[0]).toList());
    }

    /**
     * Hazard tallies per group, the total last (key null, total true). Districts, when closures count up to now, come
     * from the roll-up ({@link DistrictRollup}); everything else is one pass over the hazards ({@link #scanned}).
     */
    public Uni<List<HazardTally>> hazards(Breakdown by, Period period) {
        return by == Breakdown.DISTRICT && period.closuresToNow() ? rolledUp(period) : scanned(by, period);
    }

    /**
     * Hazard tallies per district from the roll-up; only for a period whose {@link Period#closuresToNow() closures count
     * to now}. Its three reads (roll-up, late hazards, rewarding enterprises) run side by side on the generation read
     * first, each on a connection of its own, so the table waits for the slowest of them, not their sum.
     */
    Uni<List<HazardTally>> rolledUp(Period period) {
        DistrictRollup.Buckets buckets = DistrictRollup.Buckets.of(period.firstDay(), period.endDay());
        return activeGeneration(pool).chain(generation -> {
            Bindings bindings = Bindings.of(period).set("g", generation)
                    .set("firstDay", period.firstDay())
                    .set("endDay", period.endDay())
                    .set("monthsFrom", buckets.monthsFrom())
                    .set("monthsTo", buckets.monthsTo())
                    .set("headEnd", buckets.headEnd())
                    .set("tailStart", buckets.tailStart())
                    .set("cumulativeMonthsTo", buckets.cumulativeMonthsTo())
                    .set("overdueBefore", period.overdueBefore())
                    .set("now", period.now());
            return Uni.combine().all().unis(ROLLED_UP.rows(pool, bindings), LATE.rows(pool, bindings),
                            rewarding(pool, Breakdown.DISTRICT, bindings))
                    .with(StatisticsRepository::rolledUpTallies);
        });
    }

    /** The roll-up's rows with their district's late hazards, as the scanning query would have counted them. */
    private static List<HazardTally> rolledUpTallies(List<Object[]> rolledUp, List<Object[]> lateRows,
                                                     Map<String, long[]> rewarding) {
        Map<String, Object[]> late = new java.util.HashMap<>();
        lateRows.forEach(row -> late.put((String) row[0], row));
        List<Object[]> rows = new java.util.ArrayList<>(rolledUp.size());
        for (Object[] t : rolledUp) {
            Object[] l = late.get((String) t[0]);
            long overdue = l == null ? 0 : count(l[1]);
            long reviewOverdue = l == null ? 0 : count(l[2]);
            long listedAfter = l == null ? 0 : count(l[3]);
            // In the order of the scanning query's columns (see tally).
            rows.add(new Object[] {t[0], t[1], t[2], t[3], overdue, t[4], t[5], count(t[4]) - count(t[5]),
                    count(t[6]) - listedAfter, t[7], t[8], t[9], t[10], t[11], t[12], t[13], reviewOverdue, t[14], t[15]});
        }
        return tallies(rows, rewarding);
    }

    /**
     * Hazard tallies per group from every hazard of the period. The active generation is read first and named in the
     * query, which lets the planner scan and hash the hazards in parallel.
     */
    Uni<List<HazardTally>> scanned(Breakdown by, Period period) {
        return pool.withConnection(connection -> activeGeneration(connection).chain(generation -> {
            Bindings bindings = Bindings.of(period).set("g", generation)
                    .set("closedBy", period.closedBy())
                    .set("overdueBefore", period.overdueBefore())
                    .set("now", period.now());
            return SCANNED.get(by).rows(connection, bindings)
                    .chain(rows -> rewarding(connection, by, bindings).map(r -> tallies(rows, r)));
        }));
    }

    private static Uni<Map<String, long[]>> rewarding(SqlClient client, Breakdown by, Bindings bindings) {
        return REWARDING_ENTERPRISES.get(by).rows(client, bindings).map(rows -> keyed(rows, 1));
    }

    private static Uni<Object> activeGeneration(SqlClient client) {
        return ACTIVE_GENERATION.rows(client, new Bindings()).map(rows -> {
            if (rows.isEmpty()) {
                throw new IllegalStateException("No active generation");
            }
            return rows.get(0)[0];
        });
    }

    private static List<HazardTally> tallies(List<Object[]> rows, Map<String, long[]> rewarding) {
        List<HazardTally> tallies = new java.util.ArrayList<>();
        HazardTally total = HazardTally.empty(null);
        for (Object[] row : rows) {
            long[] enterprises = rewarding.get((String) row[0]);
            HazardTally tally = tally(row, enterprises == null ? 0 : enterprises[0]);
            tallies.add(tally);
            total = total.plus(tally);
        }
        long[] allEnterprises = rewarding.get(null);
        tallies.add(total.asTotal(allEnterprises == null ? 0 : allEnterprises[0]));
        return tallies;
    }

    /** Per district (key null = total): active enterprises in scope now, and those of them inspected in the period. */
    public Uni<Map<String, long[]>> coverage(Period period) {
        return ENTERPRISE_COVERAGE.rows(pool, Bindings.of(period)).map(rows -> keyed(rows, 2));
    }

    /** Per district (key null = total): inspections started in the period, cancelled ones excluded. */
    public Uni<Map<String, long[]>> inspections(Period period) {
        return INSPECTIONS_STARTED.rows(pool, Bindings.of(period)).map(rows -> keyed(rows, 1));
    }

    private static Map<String, long[]> keyed(List<Object[]> rows, int values) {
        Map<String, long[]> keyed = new TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        for (Object[] row : rows) {
            long[] counts = new long[values];
            for (int i = 0; i < values; i++) {
                counts[i] = count(row[2 + i]);
            }
            keyed.put(count(row[1]) == 1 ? null : (String) row[0], counts);
        }
        return keyed;
    }

    private static HazardTally tally(Object[] r, long rewardingEnterprises) {
        return new HazardTally((String) r[0], false, count(r[1]), count(r[2]), count(r[3]), count(r[4]),
                count(r[5]), count(r[6]), count(r[7]), count(r[8]), count(r[9]), ((Number) r[10]).doubleValue(),
                decimal(r[11]), count(r[12]), count(r[13]), count(r[14]), count(r[15]), count(r[16]), count(r[17]),
                decimal(r[18]), rewardingEnterprises);
    }

    static long count(Object value) {
        return ((Number) value).longValue();
    }

    static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    static Instant instant(Object value) {
        return Sql.instant(value);
    }
}
