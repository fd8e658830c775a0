package io.hazardledger.reporting.persistence;

import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.reporting.api.Projections;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The district roll-up, kept statement by statement by its triggers, gives exactly the tallies of the scan over every hazard, for
 * periods of whole months, days at either edge, days only, periods that ended, and one district; and summing it again from the hazards
 * gives the buckets the triggers kept.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DistrictRollupTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static RandomHazardHistory history;

    @Inject
    StatisticsRepository statistics;
    @Inject
    Transactions transactions;
    @Inject
    MeterRegistry registry;

    /** Published once for the class, from the first test (the application is up by then). */
    private static synchronized void published() {
        if (history == null) {
            history = new RandomHazardHistory(20261202L, 600, 3);
            history.publish();
        }
        Projections.awaitCaughtUp();
    }

    private static Period live(LocalDate first, LocalDate end, String district) {
        return new Period(first, end, first.atStartOfDay(SHANGHAI).toInstant(), end.atStartOfDay(SHANGHAI).toInstant(),
                Instant.parse("9999-01-01T00:00:00Z"), LocalDate.now(SHANGHAI), Instant.now(), district);
    }

    private void assertSameTallies(Period period) throws Throwable {
        assertTrue(period.closuresToNow(), "the roll-up answers the live tables");
        List<HazardTally> rolledUp = VertxContextSupport.subscribeAndAwait(() -> statistics.rolledUp(period));
        List<HazardTally> scanned = VertxContextSupport.subscribeAndAwait(() -> statistics.scanned(Breakdown.DISTRICT, period));
        assertEquals(scanned, rolledUp, "tallies from " + period.firstDay() + " to " + period.endDay());
    }

    @Test
    void theRollUpTalliesEqualTheScanForEveryShapeOfPeriod() throws Throwable {
        published();
        LocalDate tomorrow = LocalDate.now(SHANGHAI).plusDays(1);
        assertSameTallies(live(LocalDate.of(2000, 1, 1), tomorrow, null));              // the default: months and days
        assertSameTallies(live(tomorrow.minusDays(45), tomorrow, null));                // days, a month, days
        assertSameTallies(live(tomorrow.minusDays(3), tomorrow, null));                 // days only
        assertSameTallies(live(tomorrow.minusMonths(7).withDayOfMonth(1), tomorrow.plusDays(30), null));
        assertSameTallies(live(tomorrow.minusDays(200), tomorrow, history.districts.get(0)));
        assertSameTallies(live(tomorrow.minusMonths(9), tomorrow.minusMonths(4), null));      // ended: listed since
        assertSameTallies(live(tomorrow.minusDays(100), tomorrow.minusDays(95), null));       // ended, days only
        assertSameTallies(live(tomorrow.minusMonths(6).withDayOfMonth(1), tomorrow.minusMonths(3).withDayOfMonth(1),
                history.districts.get(2)));
        HazardTally total = VertxContextSupport.subscribeAndAwait(() -> statistics.rolledUp(
                live(LocalDate.of(2000, 1, 1), tomorrow, history.districts.get(1)))).get(1);
        assertTrue(total.total() && total.found() > 100 && total.closed() > 0 && total.overdue() > 0
                        && total.majorFound() > 0 && total.majorListed() > 0 && total.underSupervision() > 0
                        && total.fundsYuan().signum() > 0 && total.rewardsYuan().signum() > 0 && total.reviewOverdue() > 0,
                "the random history exercises every figure: " + total);
    }

    /** The active generation's buckets of the history's districts, as text. */
    private static final String BUCKETS = """
            SELECT string_agg(concat_ws(',', grain, bucket, district_code, found, closed, closed_on_time, major_found,
                major_closed, major_listed, under_supervision, employee_reports, close_seconds::numeric(30, 6), assigned,
                assigned_five_items, funds_yuan::numeric(30, 2), rewards_yuan::numeric(30, 2)), ';'
                ORDER BY grain, bucket, district_code)
            FROM rp_hazard_rollup WHERE generation = (SELECT generation FROM rp_generation WHERE status = 'ACTIVE')
              AND district_code IN (:districts) AND (found <> 0 OR assigned <> 0 OR rewards_yuan <> 0)""";

    private String keptBuckets() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> transactions.read(s -> s.createNativeQuery(BUCKETS, String.class)
                .setParameter("districts", history.districts).getSingleResult()));
    }

    @Test
    void summingTheBucketsAgainGivesWhatTheTriggerKept() throws Throwable {
        published();
        String kept = keptBuckets();
        String summed = VertxContextSupport.subscribeAndAwait(() -> transactions.inTransaction(s -> s.createNativeQuery(
                        "SELECT count(rp_rollup_recompute(generation)) FROM rp_generation WHERE status = 'ACTIVE'", Object.class)
                .getSingleResult()
                .chain(() -> s.createNativeQuery(BUCKETS, String.class).setParameter("districts", history.districts)
                        .getSingleResult())));
        assertTrue(kept.length() > 1000, "buckets were kept");
        assertEquals(summed, kept);
    }

    /**
     * A rebuild replays the topics far behind their ends, so its feeder gathers many polls per batch (the test
     * profile's catch-up settings) and folds a hazard's events across them: the buckets come out as the live
     * generation kept them, and the scan over its hazards agrees.
     */
    @Test
    void aRebuildGatheringPollsIntoBatchesKeepsTheSameBuckets() throws Throwable {
        published();
        int before = Projections.awaitCaughtUp();
        String kept = keptBuckets();
        long gathered = gatheredBatches();
        Callers.admin().post("/api/admin/projections/rebuild").then().statusCode(202);
        assertNotEquals(before, Projections.awaitCaughtUp(), "the rebuilt generation is active");

        assertTrue(gatheredBatches() > gathered, "the rebuild applied batches gathered while catching up");
        assertEquals(kept, keptBuckets());
        LocalDate tomorrow = LocalDate.now(SHANGHAI).plusDays(1);
        assertSameTallies(live(LocalDate.of(2000, 1, 1), tomorrow, null));
        assertSameTallies(live(tomorrow.minusDays(45), tomorrow, history.districts.get(1)));
    }

    private long gatheredBatches() {
        var batches = registry.find("reporting.projection.batch.records").tag("applied", "catch-up").summary();
        return batches == null ? 0 : batches.count();
    }
}
