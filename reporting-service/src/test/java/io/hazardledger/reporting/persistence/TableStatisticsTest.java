package io.hazardledger.reporting.persistence;

import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.testing.OnVertxContext;
import io.hazardledger.eventstore.testing.Poll;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.reporting.api.Projections;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;


/** After a burst of events the projection's tables have planner statistics that describe them. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class TableStatisticsTest {
    /** A generation nothing reads or feeds. */
    private static final int UNREAD = 9_999;

    @Inject
    Transactions transactions;
    @Inject
    TableStatistics statistics;

    /** A generation's hazards: a partition of rp_hazard, which is analyzed by partition. */
    private static String hazardsOf(int generation) {
        return "rp_hazard_g" + generation;
    }

    /** Whether the generation's hazards were analyzed since their last large change, as autovacuum's rule counts it. */
    private boolean hazardsAnalyzed(int generation) {
        return OnVertxContext.await(() -> transactions.read(s -> s.createNativeQuery("""
                SELECT n_mod_since_analyze <= 1000 + 0.1 * n_live_tup AND n_live_tup >= 500
                       AND coalesce(last_analyze, last_autoanalyze) IS NOT NULL
                FROM pg_stat_user_tables WHERE relname = :table""", Boolean.class)
                .setParameter("table", hazardsOf(generation)).getSingleResult()));
    }

    private boolean hazardsChangedEnough() {
        return OnVertxContext.await(() -> transactions.read(s -> s.createNativeQuery("""
                SELECT n_mod_since_analyze > 1000 + 0.1 * n_live_tup
                FROM pg_stat_user_tables WHERE relname = :table""", Boolean.class)
                .setParameter("table", hazardsOf(UNREAD)).getSingleResult()));
    }

    private boolean hazardsCountedLarge() {
        return OnVertxContext.await(() -> transactions.read(s -> s.createNativeQuery(
                "SELECT reltuples >= 30000 FROM pg_class WHERE relname = :table", Boolean.class)
                .setParameter("table", hazardsOf(UNREAD)).getSingleResult()));
    }

    private OffsetDateTime hazardsLastAnalyzed() {
        return OnVertxContext.await(() -> transactions.read(s -> s.createNativeQuery(
                "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = :table", OffsetDateTime.class)
                .setParameter("table", hazardsOf(UNREAD)).getSingleResult()));
    }

    /** Runs a statement and has its backend report the rows it changed at once, not within the second. */
    private void execute(String sql) {
        OnVertxContext.await(() -> transactions.inTransaction(s -> s.createNativeQuery(sql).executeUpdate()
                .call(() -> s.createNativeQuery("SELECT CAST(pg_stat_force_next_flush() AS text)").getSingleResult())));
    }

    @Test
    void theReadTablesAreAnalyzedOnceTheyChangedEnough() {
        new RandomHazardHistory(7L, 1_500, 2).publish(); // more rows than the rule's 1,000 + 10 % even on a fresh table
        int active = Projections.awaitCaughtUp();
        // Poll.until fails the test when the statistics stay stale.
        Poll.until(Duration.ofSeconds(20), "the active generation's hazards analyzed since the burst",
                () -> hazardsAnalyzed(active));
    }

    @Test
    void aTableLargerThanOneSampleIsAnalyzedAtMostOnceAMinute() {
        execute("SELECT CAST(rp_hazard_partition(" + UNREAD + ") AS text)");
        try {
            execute("INSERT INTO rp_hazard (generation, hazard_id, enterprise_id, district_code, category, severity, "
                    + "source, found_at) SELECT " + UNREAD + ", gen_random_uuid(), gen_random_uuid(), '370102', "
                    + "'FIRE_SAFETY', 'GENERAL', 'SELF_CHECK', now() FROM generate_series(1, 31000)");
            // The service's own check analyzes the grown table (it was under one sample); from then on the cap holds.
            Poll.until(Duration.ofSeconds(10), "rp_hazard analyzed at its new size", this::hazardsCountedLarge);
            OffsetDateTime analyzed = hazardsLastAnalyzed();
            execute("UPDATE rp_hazard SET title = 'changed' WHERE generation = " + UNREAD);
            Poll.until(Duration.ofSeconds(10), "rp_hazard's changes counted", this::hazardsChangedEnough);

            OnVertxContext.await(statistics::refresh);

            assertEquals(analyzed, hazardsLastAnalyzed(), "analyzed again within the minute");
        } finally {
            execute("SELECT CAST(rp_hazard_dropped(" + UNREAD + ") AS text)");
        }
    }
}
