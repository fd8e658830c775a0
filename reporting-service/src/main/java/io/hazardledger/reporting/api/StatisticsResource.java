package io.hazardledger.reporting.api;

import io.hazardledger.contracts.inspection.EnforcementKind;
import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.reporting.persistence.ActivityRepository;
import io.hazardledger.reporting.persistence.Breakdown;
import io.hazardledger.reporting.persistence.HazardTally;
import io.hazardledger.reporting.persistence.Period;
import io.hazardledger.reporting.persistence.StatisticsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Hazard and inspection statistics for regulators and analysts (definitions: {@link Figures}, DESIGN §6). */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {
    private static final String PERIOD = " The period is [from, to) in calendar days of the reporting time zone "
            + "(Asia/Shanghai); from defaults to the beginning, to to tomorrow.";

    @Inject
    StatisticsRepository statistics;
    @Inject
    ActivityRepository activity;
    @Inject
    ReportingClock clock;
    @Inject
    DistrictTables tables;
    @Inject
    StatisticsScope scope;

    @GET
    @Path("/districts")
    @Operation(summary = "District table", description = "One row per district with enterprises or hazards, and the total."
            + PERIOD + " Hazards stay in the district where they were found, even if the enterprise later moves; "
            + "coverage counts enterprises where they are now.")
    public Uni<DistrictTable> districts(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        LocalDate[] p = clock.resolve(from, to);
        return tables.table(clock.live(p[0], p[1], scope.district(null)))
                .map(t -> new DistrictTable(p[0], p[1], clock.zone().getId(), t.rows(), t.total()));
    }

    @GET
    @Path("/districts/{code}")
    @Operation(summary = "Drill-down", description = "A district's hazard figures by street, industry, category or "
            + "severity (the value recorded when found; severity as now); code 'all' for every district." + PERIOD)
    public Uni<BreakdownTable> breakdown(@PathParam("code") String code, @QueryParam("by") String by,
                                         @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        String district = scope.district("all".equals(code) ? null : Params.district("code", code));
        Breakdown breakdown = Breakdown.parse(by).filter(b -> b != Breakdown.DISTRICT).orElseThrow(() ->
                ProblemException.invalid("by", "must be one of street, industry, category, severity"));
        LocalDate[] p = clock.resolve(from, to);
        return statistics.hazards(breakdown, clock.live(p[0], p[1], district)).map(tallies -> {
            List<BreakdownTable.Row> rows = tallies.stream().filter(t -> !t.total())
                    .map(t -> new BreakdownTable.Row(t.key(), Figures.of(t))).toList();
            HazardTally total = tallies.stream().filter(HazardTally::total).findFirst().orElse(HazardTally.empty(null));
            return new BreakdownTable(district == null ? "all" : district, breakdown.name().toLowerCase(), p[0], p[1],
                    clock.zone().getId(), rows, Figures.of(total));
        });
    }

    @GET
    @Path("/trend")
    @Operation(summary = "Monthly trend", description = "Hazards found per month and how many of them are closed now; "
            + "default: the 12 months up to and including the current one. from/to are dates; the months they touch count.")
    public Uni<Trend> trend(@QueryParam("district") String districtParam, @QueryParam("from") LocalDate from,
                            @QueryParam("to") LocalDate to) {
        String district = scope.district(Params.district("district", districtParam));
        YearMonth current = YearMonth.from(clock.today());
        LocalDate start = from == null ? current.minusMonths(11).atDay(1) : from.withDayOfMonth(1);
        LocalDate end = to == null ? current.plusMonths(1).atDay(1) : to;
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("from", "from must be before to");
        }
        return activity.monthly(clock.live(start, end, district), clock.zone().getId()).map(found -> {
            List<Trend.Month> months = new ArrayList<>();
            for (YearMonth m = YearMonth.from(start); m.atDay(1).isBefore(end); m = m.plusMonths(1)) {
                long[] c = found.getOrDefault(m.toString(), new long[2]);
                months.add(new Trend.Month(m.toString(), c[0], c[1], Figures.rate(c[1], c[0])));
            }
            return new Trend(district, months);
        });
    }

    @GET
    @Path("/inspections")
    @Operation(summary = "Inspection statistics", description = "Inspections started in the period (cancelled ones "
            + "excluded) in the district where they took place, their findings, and the enforcement actions taken in the period." + PERIOD)
    public Uni<InspectionStatistics> inspections(@QueryParam("district") String districtParam,
                                                 @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        String district = scope.district(Params.district("district", districtParam));
        LocalDate[] p = clock.resolve(from, to);
        Period period = clock.live(p[0], p[1], district);
        return activity.inspections(period).chain(counts -> activity.enforcement(period).map(kinds -> {
            Map<EnforcementKind, Long> byKind = new EnumMap<>(EnforcementKind.class);
            for (EnforcementKind kind : EnforcementKind.values()) {
                Object[] k = kinds.get(kind.name());
                byKind.put(kind, k == null ? 0L : (Long) k[0]);
            }
            return new InspectionStatistics(district, counts[0], counts[1], counts[2], Figures.rate(counts[2], counts[0]),
                    byKind, amount(kinds.get("FINE")), byKind.get(EnforcementKind.CONFISCATION),
                    amount(kinds.get("CONFISCATION")));
        }));
    }

    @GET
    @Path("/watchlist")
    @Operation(summary = "Watchlist", description = "Open hazards that are overdue (deadline in force before today) or "
            + "listed for supervision (挂牌督办): overdue first, then the oldest deadline. limit 1–500, default 50.")
    public Uni<Watchlist> watchlist(@QueryParam("district") String districtParam, @QueryParam("limit") String limitParam) {
        String district = scope.district(Params.district("district", districtParam));
        int limit = Params.integer("limit", limitParam, 50, 1, 500);
        return activity.watchlist(district, clock.today(), limit).map(items -> new Watchlist(items.stream()
                .map(h -> new Watchlist.Item(h.hazardId(), h.enterpriseId(), h.enterpriseName(), h.districtCode(),
                        h.title(), h.severity(), h.category(), h.foundAt(), h.deadline(), h.overdue(),
                        h.supervisionLevel() != null, h.supervisionLevel()))
                .toList()));
    }

    private static BigDecimal amount(Object[] kind) {
        return (kind == null ? BigDecimal.ZERO : (BigDecimal) kind[1]).setScale(2, RoundingMode.HALF_UP);
    }
}
