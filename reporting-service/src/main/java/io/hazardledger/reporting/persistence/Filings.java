package io.hazardledger.reporting.persistence;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.eventstore.CommandContext;
import io.hazardledger.eventstore.NewEvent;
import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.store.AggregateType;
import io.hazardledger.eventstore.store.EventStore;
import io.hazardledger.reporting.domain.Quarter;
import io.hazardledger.reporting.domain.QuarterlyFiling;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Quarterly filings: event-sourced in reporting's own store, with {@code rp_filing} kept in the same transaction
 * as the events so the quarterly table shows production and sign-off at once.
 */
@ApplicationScoped
public class Filings {
    static final AggregateType<QuarterlyFiling> FILINGS =
            new AggregateType<>(QuarterlyFiling.STREAM_TYPE, "Quarterly filing", QuarterlyFiling.NONE, QuarterlyFiling::apply);

    @Inject
    Transactions transactions;
    @Inject
    EventStore store;

    /** What the table shows of one district's filing. */
    public record Filing(Instant producedAt, Instant signedOffAt, String signedOffBy) {
    }

    public Uni<Map<String, Filing>> of(Quarter quarter) {
        return transactions.read(s -> s.createNativeQuery("""
                        SELECT district_code, produced_at, signed_off_at, signed_off_by FROM rp_filing
                        WHERE year = :year AND quarter = :quarter""", Object[].class)
                .setParameter("year", quarter.year())
                .setParameter("quarter", quarter.quarter())
                .getResultList()
                .map(rows -> {
                    Map<String, Filing> filings = new TreeMap<>();
                    rows.forEach(r -> filings.put((String) r[0], new Filing(Sql.instant(r[1]), Sql.instant(r[2]), (String) r[3])));
                    return filings;
                }));
    }

    /** Records a district's table as produced, once; a filing that exists already is left as it is. */
    public Uni<Void> produced(Quarter quarter, String district, List<DomainEvent> events, CommandContext context) {
        var id = QuarterlyFiling.idOf(quarter, district);
        return transactions.inTransaction(s -> FILINGS.load(store, s, id).chain(loaded -> loaded.exists()
                ? Uni.createFrom().voidItem()
                : FILINGS.create(store, s, id, newEvents(events, district), context)
                        .chain(created -> upsert(s, quarter, district, created.state()))));
    }

    /** Signs a district's table off; the filing must exist (404) and be produced but not signed (409). */
    public Uni<QuarterlyFiling> signOff(Quarter quarter, String district,
                                        Function<QuarterlyFiling, List<DomainEvent>> decide, CommandContext context) {
        var id = QuarterlyFiling.idOf(quarter, district);
        return transactions.inTransaction(s -> FILINGS.update(store, s, id, null,
                        filing -> newEvents(decide.apply(filing), district), context)
                .chain(updated -> upsert(s, quarter, district, updated.state()).replaceWith(updated.state())));
    }

    private static List<NewEvent> newEvents(List<DomainEvent> events, String district) {
        return events.stream().map(e -> new NewEvent(e, district, null)).toList();
    }

    private static Uni<Void> upsert(Mutiny.Session s, Quarter quarter, String district, QuarterlyFiling filing) {
        return Sql.update(s, """
                INSERT INTO rp_filing (year, quarter, district_code, produced_at, signed_off_at, signed_off_by)
                VALUES (:year, :quarter, :district, CAST(:produced AS timestamptz), CAST(:signed AS timestamptz),
                        CAST(:by AS text))
                ON CONFLICT (year, quarter, district_code) DO UPDATE SET produced_at = excluded.produced_at,
                    signed_off_at = excluded.signed_off_at, signed_off_by = excluded.signed_off_by""",
                "year", quarter.year(), "quarter", quarter.quarter(), "district", district,
                "produced", filing.producedAt(), "signed", filing.signedOffAt(), "by", filing.signedOffBy()).replaceWithVoid();
    }
}
