package io.hazardledger.reporting.persistence;

import io.hazardledger.eventstore.Transactions;
import io.hazardledger.reporting.api.DistrictFigures;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The statistics of the API, each one query over the hazard facts. */
@ApplicationScoped
public class StatisticsRepository {
    private static final String DISTRICTS = """
            WITH district AS (SELECT district_code FROM enterprise_copy UNION SELECT district_code FROM hazard_fact)
            SELECT d.district_code,
                   count(f.hazard_id),
                   count(f.closed_at),
                   count(f.hazard_id) FILTER (WHERE f.severity = 'MAJOR'),
                   count(f.hazard_id) FILTER (WHERE f.severity = 'MAJOR' AND f.closed_at IS NULL)
            FROM district d
            LEFT JOIN hazard_fact f ON f.district_code = d.district_code AND NOT f.voided
                 AND f.found_at >= :from AND f.found_at < :to
            GROUP BY d.district_code
            ORDER BY d.district_code""";

    @Inject
    Transactions transactions;

    public Uni<List<DistrictFigures>> byDistrict(Instant from, Instant to) {
        return transactions.read(session -> session.createNativeQuery(DISTRICTS, Object[].class)
                .setParameter("from", from.atOffset(ZoneOffset.UTC))
                .setParameter("to", to.atOffset(ZoneOffset.UTC))
                .getResultList()
                .map(rows -> rows.stream().map(StatisticsRepository::figures).toList()));
    }

    private static DistrictFigures figures(Object[] row) {
        return DistrictFigures.of((String) row[0], count(row[1]), count(row[2]), count(row[3]), count(row[4]));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
