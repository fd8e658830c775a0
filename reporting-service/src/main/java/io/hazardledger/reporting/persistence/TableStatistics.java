package io.hazardledger.reporting.persistence;

import io.hazardledger.eventstore.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Keeps the planner's statistics of the read tables current, by autovacuum's own rule (ANALYZE once more than
 * 1,000 rows plus 10 % of the table changed). A generation fills its tables from nothing within minutes: the plans
 * the pool caches for its statements are made while the tables look empty, and a plan made then (a row looked up
 * through an index on the generation alone, say) scans every row of the generation for each event. Autovacuum may
 * come late or, on some servers, not at all; ANALYZE makes the cached plans be planned again.
 * <p>
 * Tables of counters (the roll-up's buckets, the consumer's versions and offsets) count only rows that came or
 * went: their updates change no value a plan depends on, and counting them analyzed the roll-up every few seconds
 * during a rebuild, a quarter of PostgreSQL's time.
 * <p>
 * A table is analyzed at most once a minute (autovacuum's own pace, its naptime) once it is larger than one ANALYZE
 * sample (30,000 rows at the default statistics target): a rebuild changes 10 % of a large table every few seconds,
 * and each ANALYZE of {@code rp_hazard} then took half a second, 14 % of PostgreSQL's statement time in a replay.
 * Smaller tables, the ones a new generation starts from, are analyzed as soon as they change enough.
 * <p>
 * A partitioned table ({@code rp_hazard}, one partition per generation) is judged and analyzed by partition: a
 * query names one generation and is planned with that partition's statistics, and an ANALYZE of the parent would
 * sample every generation's rows again.
 */
@ApplicationScoped
public class TableStatistics {
    private static final List<String> TABLES = List.of("rp_hazard", "rp_enterprise", "rp_inspection",
            "rp_enforcement");
    private static final List<String> COUNTERS = List.of("rp_hazard_rollup", "es_consumer_stream",
            "es_consumer_offset");

    @Inject
    Transactions transactions;

    /** Analyzes the tables that changed enough since they were last analyzed; how many there were. */
    public Uni<Integer> refresh() {
        return transactions.read(s -> s.createNativeQuery("""
                        SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
                        LEFT JOIN pg_inherits i ON i.inhrelid = c.oid LEFT JOIN pg_class p ON p.oid = i.inhparent
                        WHERE ((coalesce(p.relname, s.relname) IN (:tables)
                                AND s.n_mod_since_analyze > 1000 + 0.1 * s.n_live_tup)
                               OR (s.relname IN (:counters)
                                   AND abs(s.n_live_tup - greatest(c.reltuples, 0)) > 1000 + 0.1 * s.n_live_tup))
                          AND (c.reltuples < 30000 OR coalesce(greatest(s.last_analyze, s.last_autoanalyze),
                                   '-infinity') < now() - interval '1 minute')""",
                                String.class)
                        .setParameter("tables", TABLES)
                        .setParameter("counters", COUNTERS)
                        .getResultList())
                .chain(stale -> stale.isEmpty() ? Uni.createFrom().item(0)
                        : transactions.inTransaction(s -> s.createNativeQuery("ANALYZE " + String.join(", ", stale))
                                .executeUpdate()).replaceWith(stale.size()));
    }
}
