package io.hazardledger.reporting.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hazardledger.eventstore.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The generations of the reporting tables. Exactly one is ACTIVE (queries read it); at most one is BUILDING (a
 * rebuild replaying the topics). Switching is one transaction, so a query sees either the old or the new tables.
 */
@ApplicationScoped
public class Generations {
    /** Read tables, emptied of a generation once it is retired (its hazards have a table of their own, V9). */
    private static final List<String> TABLES = List.of("rp_hazard_rollup", "rp_enterprise", "rp_inspection", "rp_enforcement");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Transactions transactions;

    private static Map<String, Long> readTarget(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<java.util.TreeMap<String, Long>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One generation as the admin API shows it. */
    public record Generation(int number, String status, String groupId, Map<String, Long> target, Instant startedAt,
                             Instant activatedAt) {
    }

    public Uni<List<Generation>> current() {
        return transactions.read(s -> s.createNativeQuery("""
                        SELECT generation, status, group_id, target, started_at, activated_at FROM rp_generation
                        WHERE status IN ('ACTIVE', 'BUILDING') ORDER BY generation""", Object[].class)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new Generation(((Number) r[0]).intValue(), (String) r[1],
                        (String) r[2], readTarget((String) r[3]), Sql.instant(r[4]), Sql.instant(r[5]))).toList()));
    }

    /**
     * Starts a BUILDING generation with the topics' end offsets as its target, and its hazards' table with the primary
     * key alone (the other indexes come at the switch); null when one is already building.
     */
    public Uni<Integer> startBuilding(Map<String, Long> target) {
        String json;
        try {
            json = JSON.writeValueAsString(target);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return transactions.inTransaction(s -> s.createNativeQuery("""
                        INSERT INTO rp_generation (generation, status, target, group_id, rollup_kept)
                        SELECT m.next, 'BUILDING', :target,
                               'reporting-service.projection.g' || m.next || '.' || gen_random_uuid(), FALSE
                        FROM (SELECT max(generation) + 1 AS next FROM rp_generation) m
                        WHERE NOT EXISTS (SELECT 1 FROM rp_generation WHERE status = 'BUILDING')
                        RETURNING generation""", Object.class)
                .setParameter("target", json)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : ((Number) rows.get(0)).intValue())
                .call(g -> g == null ? Uni.createFrom().nullItem()
                        : s.createNativeQuery("SELECT CAST(rp_hazard_partition(:g) AS text)", String.class)
                                .setParameter("g", g).getSingleResult()));
    }

    /**
     * Makes {@code building} the active generation and retires the old one, in one transaction, which first gives the
     * new generation's hazards their secondary indexes (not kept while it replays the topics, V9), sums its district
     * buckets from its hazards (not kept either, V7) and has the roll-up's triggers keep them from then on.
     */
    public Uni<Boolean> activate(int building) {
        return transactions.inTransaction(s -> s.createNativeQuery("""
                        SELECT count(rp_hazard_indexed(generation)) + count(rp_rollup_start(generation))
                        FROM rp_generation WHERE generation = :g AND status = 'BUILDING'""", Object.class)
                .setParameter("g", building)
                .getSingleResult()
                .chain(() -> s.createNativeQuery("""
                        WITH retired AS (
                            UPDATE rp_generation SET status = 'RETIRED', retired_at = clock_timestamp()
                            WHERE status = 'ACTIVE' AND EXISTS (
                                SELECT 1 FROM rp_generation WHERE generation = :g AND status = 'BUILDING')
                            RETURNING generation)
                        UPDATE rp_generation SET status = 'ACTIVE', activated_at = clock_timestamp()
                        WHERE generation = :g AND status = 'BUILDING' AND EXISTS (SELECT 1 FROM retired)""")
                        .setParameter("g", building)
                        .executeUpdate())
                .map(n -> n == 1));
    }

    /**
     * Retired generations whose rows are still there, retired longer than {@code grace} ago (so that a query that
     * read the old generation's number just before the switch still finds its rows): number and consumer group.
     */
    public Uni<Map<Integer, String>> retiredWithRows(java.time.Duration grace) {
        return transactions.read(s -> s.createNativeQuery(
                        """
                        SELECT generation, group_id FROM rp_generation WHERE status = 'RETIRED' AND NOT dropped
                        AND retired_at < CAST(:cutoff AS timestamptz)""",
                        Object[].class)
                .setParameter("cutoff", Sql.bindable(Instant.now().minus(grace)))
                .getResultList()
                .map(rows -> {
                    Map<Integer, String> retired = new java.util.TreeMap<>();
                    rows.forEach(r -> retired.put(((Number) r[0]).intValue(), (String) r[1]));
                    return retired;
                }));
    }

    /** Deletes a retired generation's rows and its checkpoints. */
    public Uni<Void> drop(int generation) {
        String consumer = GenerationProjection.nameOf(generation);
        return transactions.inTransaction(s -> {
            Uni<Integer> chain = s.createNativeQuery("SELECT CAST(rp_hazard_dropped(:g) AS text)", String.class)
                    .setParameter("g", generation).getSingleResult().replaceWith(0);
            for (String table : TABLES) {
                chain = chain.chain(() -> s.createNativeQuery("DELETE FROM " + table + " WHERE generation = :g")
                        .setParameter("g", generation).executeUpdate());
            }
            return chain.chain(() -> s.createNativeQuery("DELETE FROM es_consumer_stream WHERE consumer = :c")
                            .setParameter("c", consumer).executeUpdate())
                    .chain(() -> s.createNativeQuery("DELETE FROM es_consumer_offset WHERE consumer = :c")
                            .setParameter("c", consumer).executeUpdate())
                    .chain(() -> s.createNativeQuery("UPDATE rp_generation SET dropped = TRUE WHERE generation = :g")
                            .setParameter("g", generation).executeUpdate())
                    .replaceWithVoid();
        });
    }
}
