package io.hazardledger.reporting.persistence;

import io.hazardledger.eventstore.Transactions;
import io.quarkus.vertx.VertxContextSupport;

/**
 * A generation of the tests' own, fed by no consumer (RETIRED from the start, keeping no buckets), with its hazards'
 * table: a place to write rows as the projection would, without a rebuild. Dropped as any retired one.
 */
final class UnfedGeneration {
    private UnfedGeneration() {
    }

    static void create(Transactions transactions, int generation) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> transactions.inTransaction(s -> s.createNativeQuery("""
                        INSERT INTO rp_generation (generation, status, group_id, rollup_kept)
                        VALUES (:g, 'RETIRED', 'not fed', FALSE)""").setParameter("g", generation).executeUpdate()
                .chain(() -> s.createNativeQuery("SELECT CAST(rp_hazard_partition(:g) AS text)", String.class)
                        .setParameter("g", generation).getSingleResult())));
    }
}
