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
 */
@ApplicationScoped
public class TableStatistics {
    private static final List<String> TABLES = List.of("rp_hazard", "rp_hazard_rollup", "rp_enterprise",
            "rp_inspection", "rp_enforcement", "es_consumer_stream", "es_consumer_offset");

    @Inject
    Transactions transactions;

    /** Analyzes the tables that changed enough since they were last analyzed; how many there were. */
    public Uni<Integer> refresh() {
        return transactions.read(s -> s.createNativeQuery("""
                        SELECT relname FROM pg_stat_user_tables
                        WHERE relname IN (:tables) AND n_mod_since_analyze > 1000 + 0.1 * n_live_tup""", String.class)
                        .setParameter("tables", TABLES)
                        .getResultList())
                .chain(stale -> stale.isEmpty() ? Uni.createFrom().item(0)
                        : transactions.inTransaction(s -> s.createNativeQuery("ANALYZE " + String.join(", ", stale))
                                .executeUpdate()).replaceWith(stale.size()));
    }
}
