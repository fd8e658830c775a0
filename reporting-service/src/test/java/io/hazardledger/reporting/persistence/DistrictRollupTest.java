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
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
    @Inject
    Generations generations;

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

    /** A generation's buckets of the history's districts, as text. */
    private static final String BUCKETS = """
            SELECT string_agg(concat_ws(',', grain, bucket, district_code, found, closed, closed_on_time, major_found,
                major_closed, major_listed, under_supervision, employee_reports, close_seconds::numeric(30, 6), assigned,
                assigned_five_items, funds_yuan::numeric(30, 2), rewards_yuan::numeric(30, 2)), ';'
                ORDER BY grain, bucket, district_code)
            FROM rp_hazard_rollup WHERE generation = :g AND district_code IN (:districts) AND (found <> 0 OR assigned <> 0 OR rewards_yuan <> 0)""";

    private String keptBuckets() throws Throwable {
        return bucketsOf(Projections.awaitCaughtUp());
    }

    private String bucketsOf(int generation) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> transactions.read(s -> buckets(s, generation)));
    }

    private static Uni<String> buckets(Mutiny.Session s, int generation) {
        return s.createNativeQuery(BUCKETS, String.class).setParameter("g", generation)
                .setParameter("districts", history.districts).getSingleResult();
    }

    @Test
    void summingTheBucketsAgainGivesWhatTheTriggerKept() throws Throwable {
        published();
        int active = Projections.awaitCaughtUp();
        String kept = bucketsOf(active);
        String summed = VertxContextSupport.subscribeAndAwait(() -> transactions.inTransaction(s -> s.createNativeQuery(
                        "SELECT count(rp_rollup_recompute(:g))", Object.class).setParameter("g", active)
                .getSingleResult()
                .chain(() -> buckets(s, active))));
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

    /**
     * A generation replaying the topics writes no buckets; they are summed once when it starts keeping them, after
     * every write that skipped them has committed (one still open when the summing begins is waited for: without the
     * wait its hazards would be missing from the sums), and the triggers keep them from then on: the same hazards
     * give the active generation's buckets.
     */
    @Test
    void aReplayingGenerationsBucketsAreSummedOnceAfterItsOpenWritesAndKeptFromThenOn() throws Throwable {
        published();
        int active = Projections.awaitCaughtUp();
        int replaying = 900_000 + active;
        UnfedGeneration.create(transactions, replaying);
        try {
            CompletableFuture<Long> copied = new CompletableFuture<>();
            CompletableFuture<Void> committed = CompletableFuture.runAsync(() -> awaitUnchecked(() -> transactions.inTransaction(s ->
                    s.createNativeQuery("""
                                    INSERT INTO rp_hazard SELECT (json_populate_record(CAST(NULL AS rp_hazard),
                                        CAST(to_jsonb(h) || jsonb_build_object('generation', CAST(:to AS int)) AS json))).*
                                    FROM rp_hazard h WHERE h.generation = :from""")
                            .setParameter("to", replaying).setParameter("from", active).executeUpdate()
                            .chain(() -> s.createNativeQuery("SELECT count(*) FROM rp_hazard_rollup WHERE generation = :g",
                                    Long.class).setParameter("g", replaying).getSingleResult())
                            .invoke(copied::complete)
                            // Still open while the buckets are summed below.
                            .call(() -> s.createNativeQuery("SELECT CAST(pg_sleep(1.5) AS text)", String.class).getSingleResult()))));
            committed.exceptionally(failure -> {
                copied.completeExceptionally(failure);
                return null;
            });
            assertEquals(0L, copied.get(30, TimeUnit.SECONDS), "no buckets written while the generation replays");
            assertEquals(List.of("rp_hazard_g" + replaying + "_pkey"), VertxContextSupport.subscribeAndAwait(() ->
                    transactions.read(s -> s.createNativeQuery("SELECT indexname FROM pg_indexes WHERE tablename = :t",
                            String.class).setParameter("t", "rp_hazard_g" + replaying).getResultList())),
                    "nor any index but the primary key");

            VertxContextSupport.subscribeAndAwait(() -> transactions.inTransaction(s -> s.createNativeQuery(
                    "SELECT count(rp_rollup_start(:g))", Object.class).setParameter("g", replaying).getSingleResult()));
            committed.get(30, TimeUnit.SECONDS);
            String activeBuckets = bucketsOf(active);
            assertEquals(activeBuckets, bucketsOf(replaying), "summed from the same hazards");

            voidSome(replaying, active, true);
            assertNotEquals(activeBuckets, bucketsOf(replaying), "the triggers keep the buckets now");
            voidSome(replaying, active, false);
            assertEquals(activeBuckets, bucketsOf(replaying));
        } finally {
            VertxContextSupport.subscribeAndAwait(() -> generations.drop(replaying));
        }
    }

    /** Voids, or voids no longer, in {@code generation} twenty hazards that the active generation has not voided. */
    private void voidSome(int generation, int active, boolean voided) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> transactions.inTransaction(s -> s.createNativeQuery("""
                        UPDATE rp_hazard SET voided = :voided WHERE generation = :g AND hazard_id IN (
                            SELECT hazard_id FROM rp_hazard WHERE generation = :active AND NOT voided
                            AND district_code IN (:districts) ORDER BY hazard_id LIMIT 20)""")
                .setParameter("voided", voided).setParameter("g", generation).setParameter("active", active)
                .setParameter("districts", history.districts).executeUpdate()));
    }

    private static <T> void awaitUnchecked(java.util.function.Supplier<Uni<T>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable failure) {
            throw new IllegalStateException(failure);
        }
    }

    /**
     * Two transactions adding to the buckets take turns, each until it ends: their row locks on shared buckets, taken
     * in whatever order each statement met them, used to deadlock.
     */
    @Test
    void mergesIntoTheBucketsTakeTurnsOneTransactionAtATime() throws Exception {
        String merge = "SELECT count(rp_rollup_merge(CAST(ARRAY[] AS rp_rollup_change[])))";
        try (var first = io.hazardledger.eventstore.testing.StoreFixtures.jdbc();
             var second = io.hazardledger.eventstore.testing.StoreFixtures.jdbc()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            first.createStatement().execute(merge);
            second.createStatement().execute("SET LOCAL lock_timeout = '300ms'");
            var waited = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> second.createStatement().execute(merge));
            assertEquals("55P03", waited.getSQLState(), "the second waited for the first's turn: " + waited.getMessage());
            second.rollback();
            first.commit();
            second.createStatement().execute("SET LOCAL lock_timeout = '300ms'");
            second.createStatement().execute(merge);
            second.commit();
        }
    }
}
