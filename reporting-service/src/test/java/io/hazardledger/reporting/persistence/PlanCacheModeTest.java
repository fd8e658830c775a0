package io.hazardledger.reporting.persistence;

import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The statistics' statements are planned for their own parameters on every connection of the pool, side reads too;
 * the roll-up's triggers, which run on every write, keep their plans.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PlanCacheModeTest {
    @Inject
    Transactions transactions;
    @Inject
    Pool pool;

    @Test
    void everyConnectionPlansEachRunForItsParameters() throws Throwable {
        // The statistics reads run on the pool itself (NamedQuery).
        assertEquals("force_custom_plan", pool.query("SELECT current_setting('plan_cache_mode')").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getString(0));
    }

    @Test
    void theRollUpTriggersKeepTheirPlans() throws Throwable {
        List<String> settings = VertxContextSupport.subscribeAndAwait(() -> transactions.read(s -> s.createNativeQuery("""
                SELECT array_to_string(proconfig, ',') FROM pg_proc
                WHERE proname IN ('rp_hazard_rollup_inserted', 'rp_hazard_rollup_updated') ORDER BY proname""",
                String.class).getResultList()));
        assertEquals(List.of("plan_cache_mode=auto", "plan_cache_mode=auto"), settings);
    }
}
