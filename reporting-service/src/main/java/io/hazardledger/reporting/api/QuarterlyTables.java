package io.hazardledger.reporting.api;

import io.hazardledger.eventstore.CommandContext;
import io.hazardledger.reporting.domain.Quarter;
import io.hazardledger.reporting.domain.QuarterlyFiling;
import io.hazardledger.reporting.persistence.Filings;
import io.hazardledger.reporting.persistence.HazardTally;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the quarterly table and, for an ended quarter, records each district's table as produced. */
@ApplicationScoped
public class QuarterlyTables {
    @Inject
    DistrictTables districts;
    @Inject
    Filings filings;
    @Inject
    ReportingClock clock;
    @Inject
    DistrictNames names;

    /** The table of every district, or of {@code district} only when not null. */
    public Uni<QuarterlyTable> table(Quarter quarter, String district, CommandContext context) {
        boolean complete = quarter.closedBy(clock.today());
        return districts.table(clock.asOfEnd(quarter.firstDay(), quarter.end(), district))
                .call(rows -> complete ? recordProduced(quarter, rows, context) : Uni.createFrom().voidItem())
                .chain(rows -> filings.of(quarter).map(filed -> {
                    List<QuarterlyTable.Row> table = rows.rows().stream().map(r -> row(r.districtCode(),
                            rows.tallies().getOrDefault(r.districtCode(), HazardTally.empty(r.districtCode())),
                            filed.get(r.districtCode()))).toList();
                    return new QuarterlyTable(quarter.year(), quarter.quarter(), quarter.firstDay(), quarter.end(),
                            clock.zone().getId(), quarter.due(), quarter.annualDue(), complete, table,
                            row(null, rows.totalTally(), null));
                }));
    }

    private Uni<Void> recordProduced(Quarter quarter, DistrictTables.Rows rows, CommandContext context) {
        List<String> codes = rows.rows().stream().map(DistrictRow::districtCode).toList();
        Map<String, HazardTally> tallies = rows.tallies();
        return filings.of(quarter).chain(filed -> Multi.createFrom().iterable(codes)
                .filter(code -> !filed.containsKey(code))
                .onItem().transformToUniAndConcatenate(code -> {
                    HazardTally t = tallies.getOrDefault(code, HazardTally.empty(code));
                    return filings.produced(quarter, code, QuarterlyFiling.produce(quarter, code, Instant.now(),
                            t.found(), t.closed(), Figures.rate(t.closed(), t.found())), context);
                })
                .collect().last().replaceWithVoid());
    }

    private QuarterlyTable.Row row(String code, HazardTally t, Filings.Filing filing) {
        return new QuarterlyTable.Row(code, names.of(code), t.found() - t.majorFound(), t.majorFound(),
                t.closed() - t.majorClosed(), t.majorClosed(), Figures.rate(t.closed(), t.found()),
                t.fundsYuan().setScale(2, RoundingMode.HALF_UP), t.majorListed(), t.overdue(),
                filing == null ? null : filing.producedAt(), filing == null ? null : filing.signedOffAt(),
                filing == null ? null : filing.signedOffBy());
    }

}
