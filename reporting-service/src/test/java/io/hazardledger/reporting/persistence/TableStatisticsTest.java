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

    /** Whether rp_hazard was analyzed since its last large change, as autovacuum's rule counts it. */
    private boolean hazardsAnalyzed() {
        return OnVertxContext.await(() -> transactions.read(s -> s.createNativeQuery("""
                SELECT n_mod_since_analyze <= 1000 + 0.1 * n_live_tup AND n_live_tup >= 500
                       AND coalesce(last_analyze, last_autoanalyze) IS NOT NULL
                FROM pg_stat_user_tables WHERE relname = 'rp_hazard'""", Boolean.class).getSingleResult()));
    }

    private boolean hazardsChangedEnough() {
        return OnVertxContext.await(() -> transactions.read(s -> s.createNativeQuery("""
                SELECT n_mod_since_analyze > 1000 + 0.1 * n_live_tup
                FROM pg_stat_user_tables WHERE relname = 'rp_hazard'""", Boolean.class).getSingleResult()));
    }

    private boolean hazardsCountedLarge() {
        return OnVertxContext.await(() -> transactions.read(s -> s.createNativeQuery(
                "SELECT reltuples >= 30000 FROM pg_class WHERE relname = 'rp_hazard'", Boolean.class).getSingleResult()));
    }

    private OffsetDateTime hazardsLastAnalyzed() {
        return OnVertxContext.await(() -> transactions.read(s -> s.createNativeQuery(
                "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'rp_hazard'", OffsetDateTime.class)
                .getSingleResult()));
    }

    /** Runs a statement and has its backend report the rows it changed at once, not within the second. */
    private void execute(String sql) {
        OnVertxContext.await(() -> transactions.inTransaction(s -> s.createNativeQuery(sql).executeUpdate()
                .call(() -> s.createNativeQuery("SELECT CAST(pg_stat_force_next_flush() AS text)").getSingleResult())));
    }

    private boolean unreadGenerationGoneFromStatistics() {
        return OnVertxContext.await(() -> transactions.read(s -> s.createNativeQuery(
                "SELECT n_live_tup < 30000 FROM pg_stat_user_tables WHERE relname = 'rp_hazard'", Boolean.class)
                .getSingleResult()));
    }

    @Test
    void theReadTablesAreAnalyzedOnceTheyChangedEnough() {
        new RandomHazardHistory(7L, 1_500, 2).publish(); // more rows than the rule's 1,000 + 10 % even on a fresh table
        Projections.awaitCaughtUp();
        // Poll.until fails the test when the statistics stay stale.
        Poll.until(Duration.ofSeconds(20), "rp_hazard analyzed since the burst", this::hazardsAnalyzed);
    }

    @Test
    void aTableLargerThanOneSampleIsAnalyzedAtMostOnceAMinute() {
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
            // Statistics as small as before, so that the table is analyzed again as soon as it changes enough.
            execute("DELETE FROM rp_hazard WHERE generation = " + UNREAD);
            Poll.until(Duration.ofSeconds(10), "the rows' removal counted", this::unreadGenerationGoneFromStatistics);
            execute("ANALYZE rp_hazard");
        }
    }
}
