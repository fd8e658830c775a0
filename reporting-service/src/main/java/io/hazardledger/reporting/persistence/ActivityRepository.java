package io.hazardledger.reporting.persistence;

import io.hazardledger.reporting.persistence.NamedQuery.Bindings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static io.hazardledger.reporting.persistence.StatisticsRepository.ACTIVE;
import static io.hazardledger.reporting.persistence.StatisticsRepository.count;
import static io.hazardledger.reporting.persistence.StatisticsRepository.decimal;

/** Monthly trend, inspection work, the watchlist and an enterprise's standing, over the active generation. */
@ApplicationScoped
public class ActivityRepository {
    private static final String DISTRICT = " AND (CAST(:district AS varchar) IS NULL OR district_code = :district)";

    private static final NamedQuery MONTHLY = NamedQuery.of("""
            SELECT to_char(found_at AT TIME ZONE :zone, 'YYYY-MM') AS month, count(*), count(closed_at)
            FROM rp_hazard WHERE generation = %s AND NOT voided AND found_at >= :from AND found_at < :to"""
            .formatted(ACTIVE) + DISTRICT + " GROUP BY month");
    private static final NamedQuery INSPECTIONS = NamedQuery.of("""
            SELECT count(*), count(DISTINCT enterprise_id), coalesce(sum(findings), 0) FROM rp_inspection
            WHERE generation = %s AND NOT cancelled AND started_at >= :from AND started_at < :to"""
            .formatted(ACTIVE) + DISTRICT);
    private static final NamedQuery ENFORCEMENT = NamedQuery.of("""
            SELECT kind, count(*), coalesce(sum(amount_yuan), 0) FROM rp_enforcement
            WHERE generation = %s AND taken_at >= :from AND taken_at < :to""".formatted(ACTIVE) + DISTRICT
            + " GROUP BY kind");
    private static final NamedQuery WATCHLIST = NamedQuery.of("""
            SELECT h.hazard_id, h.enterprise_id, e.name, h.district_code, h.title, h.severity, h.category,
                   h.found_at, h.deadline, coalesce(h.deadline < :today, FALSE) AS overdue, h.supervision_level
            FROM rp_hazard h
            LEFT JOIN rp_enterprise e ON e.generation = h.generation AND e.enterprise_id = h.enterprise_id
            WHERE h.generation = %s AND NOT h.voided AND h.closed_at IS NULL
              AND (h.deadline < :today OR h.supervision_level IS NOT NULL)
              AND (CAST(:district AS varchar) IS NULL OR h.district_code = :district)
            ORDER BY overdue DESC, h.deadline ASC NULLS LAST, h.found_at, h.hazard_id
            LIMIT :limit""".formatted(ACTIVE));
    private static final NamedQuery STANDING = NamedQuery.of("""
            SELECT e.name, e.district_code, e.street_code, e.industry_code, e.status, coalesce(e.blacklisted, FALSE),
                   (SELECT count(*) FROM rp_hazard h WHERE h.generation = g.n AND h.enterprise_id = :id
                      AND NOT h.voided AND h.closed_at IS NULL AND h.severity = 'MAJOR'),
                   (SELECT count(*) FROM rp_hazard h WHERE h.generation = g.n AND h.enterprise_id = :id
                      AND NOT h.voided AND h.closed_at IS NULL AND h.deadline < :today),
                   (SELECT count(*) FROM rp_hazard h WHERE h.generation = g.n AND h.enterprise_id = :id
                      AND NOT h.voided AND h.closed_at IS NULL AND h.severity = 'GENERAL'),
                   (SELECT count(*) FROM rp_enforcement a WHERE a.generation = g.n AND a.enterprise_id = :id
                      AND a.taken_at >= :since),
                   e.enterprise_id IS NOT NULL
                     OR EXISTS (SELECT 1 FROM rp_hazard h WHERE h.generation = g.n AND h.enterprise_id = :id)
            FROM (SELECT %s AS n) g
            LEFT JOIN rp_enterprise e ON e.generation = g.n AND e.enterprise_id = :id""".formatted(ACTIVE));

    @Inject
    Pool pool;

    /** Month (yyyy-MM in {@code zone}) → {found, closed now}. */
    public Uni<Map<String, long[]>> monthly(Period period, String zone) {
        return MONTHLY.rows(pool, Bindings.of(period).set("zone", zone)).map(rows -> {
            Map<String, long[]> months = new TreeMap<>();
            rows.forEach(r -> months.put((String) r[0], new long[] {count(r[1]), count(r[2])}));
            return months;
        });
    }

    /** Inspections, distinct enterprises and findings of the inspections started in the period. */
    public Uni<long[]> inspections(Period period) {
        return INSPECTIONS.rows(pool, Bindings.of(period)).map(rows -> {
            Object[] r = rows.get(0);
            return new long[] {count(r[0]), count(r[1]), count(r[2])};
        });
    }

    /** Kind → {count, amount} of the enforcement actions taken in the period. */
    public Uni<Map<String, Object[]>> enforcement(Period period) {
        return ENFORCEMENT.rows(pool, Bindings.of(period)).map(rows -> {
            Map<String, Object[]> kinds = new TreeMap<>();
            rows.forEach(r -> kinds.put((String) r[0], new Object[] {count(r[1]), decimal(r[2])}));
            return kinds;
        });
    }

    /** One hazard on the watchlist. */
    public record WatchedHazard(UUID hazardId, UUID enterpriseId, String enterpriseName, String districtCode, String title,
                                String severity, String category, Instant foundAt, LocalDate deadline, boolean overdue,
                                String supervisionLevel) {
    }

    public Uni<List<WatchedHazard>> watchlist(String district, LocalDate today, int limit) {
        return WATCHLIST.rows(pool, new Bindings().set("today", today).set("district", district).set("limit", limit))
                .map(rows -> rows.stream().map(r -> new WatchedHazard((UUID) r[0], (UUID) r[1], (String) r[2],
                        (String) r[3], (String) r[4], (String) r[5], (String) r[6], Sql.instant(r[7]), (LocalDate) r[8],
                        (Boolean) r[9], (String) r[10])).toList());
    }

    /** An enterprise as the safety profile needs it. */
    public record EnterpriseStanding(UUID enterpriseId, String name, String districtCode, String streetCode,
                                     String industryCode, String status, boolean blacklisted, long majorOpen,
                                     long overdueOpen, long generalOpen, long enforcementActions) {
    }

    /** Empty when the enterprise is unknown (neither registered nor with hazards). */
    public Uni<Optional<EnterpriseStanding>> standing(UUID enterpriseId, LocalDate today, Instant enforcementSince) {
        return STANDING.rows(pool, new Bindings().set("id", enterpriseId).set("today", today).set("since", enforcementSince))
                .map(rows -> {
                    Object[] r = rows.get(0);
                    return !((Boolean) r[10]) ? Optional.<EnterpriseStanding>empty()
                            : Optional.of(new EnterpriseStanding(enterpriseId, (String) r[0], (String) r[1], (String) r[2],
                            (String) r[3], (String) r[4], (Boolean) r[5], count(r[6]), count(r[7]), count(r[8]), count(r[9])));
                });
    }
}
