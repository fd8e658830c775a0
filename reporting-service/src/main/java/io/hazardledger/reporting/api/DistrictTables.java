package io.hazardledger.reporting.api;

import io.hazardledger.reporting.persistence.Breakdown;
import io.hazardledger.reporting.persistence.HazardTally;
import io.hazardledger.reporting.persistence.Period;
import io.hazardledger.reporting.persistence.StatisticsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Puts hazard tallies, coverage and inspections together into district rows and their total. */
@ApplicationScoped
public class DistrictTables {
    @Inject
    StatisticsRepository statistics;
    @Inject
    DistrictNames names;

    /** Rows ordered by district code (every district with enterprises or hazards), and the total. */
    public record Rows(List<DistrictRow> rows, DistrictRow total, Map<String, HazardTally> tallies, HazardTally totalTally) {
    }

    /** The four reads side by side, each on its own connection: the table waits for the slowest, not their sum. */
    public Uni<Rows> table(Period period) {
        return Uni.combine().all().unis(statistics.hazards(Breakdown.DISTRICT, period), statistics.coverage(period),
                        statistics.inspections(period), statistics.hazardDistricts(period))
                .with((tallies, coverage, inspections, hazardDistricts) -> {
                    Map<String, HazardTally> byDistrict = new TreeMap<>();
                    HazardTally total = HazardTally.empty(null);
                    for (HazardTally t : tallies) {
                        if (t.total()) {
                            total = t;
                        } else {
                            byDistrict.put(t.key(), t);
                        }
                    }
                    TreeSet<String> codes = new TreeSet<>(byDistrict.keySet());
                    coverage.keySet().stream().filter(k -> k != null).forEach(codes::add);
                    codes.addAll(hazardDistricts);
                    List<DistrictRow> rows = codes.stream().map(code -> row(code,
                            byDistrict.getOrDefault(code, HazardTally.empty(code)), coverage.get(code),
                            inspections.get(code))).toList();
                    return new Rows(rows, row(null, total, coverage.get(null), inspections.get(null)), byDistrict, total);
                });
    }

    private DistrictRow row(String code, HazardTally tally, long[] coverage, long[] inspections) {
        long active = coverage == null ? 0 : coverage[0];
        long inspected = coverage == null ? 0 : coverage[1];
        return new DistrictRow(code, names.of(code), Figures.of(tally), active, inspected, Figures.rate(inspected, active),
                inspections == null ? 0 : inspections[0]);
    }
}
