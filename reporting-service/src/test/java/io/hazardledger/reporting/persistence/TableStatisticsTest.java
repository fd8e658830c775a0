package io.hazardledger.reporting.persistence;

import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.testing.Poll;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.reporting.api.Projections;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;


/** After a burst of events the projection's tables have planner statistics that describe them. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class TableStatisticsTest {
    @Inject
    Transactions transactions;

    /** Whether rp_hazard was analyzed since its last large change, as autovacuum's rule counts it. */
    private boolean hazardsAnalyzed() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> transactions.read(s -> s.createNativeQuery("""
                    SELECT n_mod_since_analyze <= 1000 + 0.1 * n_live_tup AND n_live_tup >= 500
                           AND coalesce(last_analyze, last_autoanalyze) IS NOT NULL
                    FROM pg_stat_user_tables WHERE relname = 'rp_hazard'""", Boolean.class).getSingleResult()));
        } catch (Throwable failure) {
            throw new IllegalStateException(failure);
        }
    }

    @Test
    void theReadTablesAreAnalyzedOnceTheyChangedEnough() {
        new RandomHazardHistory(7L, 500, 2).publish();
        Projections.awaitCaughtUp();
        // Poll.until fails the test when the statistics stay stale.
        Poll.until(Duration.ofSeconds(20), "rp_hazard analyzed since the burst", this::hazardsAnalyzed);
    }
}
