package io.hazardledger.reporting.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.eventstore.IsoTimeModule;
import io.hazardledger.eventstore.consumer.CheckpointMoved;
import io.hazardledger.eventstore.consumer.ReadEvent;
import io.hazardledger.eventstore.store.UuidList;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@code rp_hazard} from hazard-events, one row per hazard and generation: a batch of events reads the rows of
 * its hazards in one statement, folds the events onto them in order ({@link HazardRow}) and writes each changed row
 * once, in one statement, with the version of its last event: the rows are the projection's checkpoints of the
 * hazards ({@link io.hazardledger.eventstore.consumer.OwnVersions}). The roll-up follows from that statement's
 * triggers (migration V5), except while a rebuild replays the topics (V7).
 */
final class HazardRows {
    /**
     * Rows travel to and from PostgreSQL as JSON named like the columns: json, not jsonb, which PostgreSQL would
     * first build and then take apart again; bound as text, as the driver would send a string bound to a json
     * parameter as one JSON string. An unknown column fails the read rather than being lost.
     */
    private static final ObjectMapper ROWS = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new IsoTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final String READ = """
            SELECT CAST(row_to_json(h) AS text) FROM rp_hazard h
            WHERE h.generation = :g AND h.hazard_id = ANY(""" + UuidList.array("ids") + ")";
    private static final String VERSIONS = """
            SELECT CAST(h.hazard_id AS text), h.version FROM rp_hazard h
            WHERE h.generation = :g AND h.hazard_id = ANY(""" + UuidList.array("ids") + ")";
    /** Never moves a row back to an older version: a row already further on was written by another transaction. */
    private static final String WRITE = """
            INSERT INTO rp_hazard AS h
            SELECT * FROM json_populate_recordset(CAST(NULL AS rp_hazard), CAST(CAST(:rows AS text) AS json))
            ON CONFLICT (generation, hazard_id) DO UPDATE SET
                severity = excluded.severity, assigned_at = excluded.assigned_at, funds_yuan = excluded.funds_yuan,
                five_items = excluded.five_items, original_deadline = excluded.original_deadline,
                deadline = excluded.deadline, submitted_at = excluded.submitted_at, review_due_by = excluded.review_due_by,
                awaiting_verification = excluded.awaiting_verification, closed_at = excluded.closed_at,
                on_time = excluded.on_time, voided = excluded.voided, supervision_level = excluded.supervision_level,
                supervision_listed_at = excluded.supervision_listed_at, rewarded_at = excluded.rewarded_at,
                reward_yuan = excluded.reward_yuan, version = excluded.version
            WHERE h.version < excluded.version""";

    /** About the length of one row's JSON, a title in Chinese included. */
    private static final int ROW_CHARS = 800;

    private HazardRows() {
    }

    static Uni<Void> applyAll(Mutiny.Session s, int g, List<ReadEvent> events) {
        // A hazard whose first event here is its finding has no row yet: its version 1 is applied only now.
        Set<UUID> seen = new HashSet<>();
        Set<UUID> stored = new LinkedHashSet<>();
        for (ReadEvent read : events) {
            var event = read.envelope();
            if (seen.add(event.aggregateId()) && !"HazardFound".equals(event.type())) {
                stored.add(event.aggregateId());
            }
        }
        Uni<List<String>> read = stored.isEmpty() ? Uni.createFrom().item(List.of())
                : s.createNativeQuery(READ, String.class).setParameter("g", g)
                        .setParameter("ids", UuidList.text(stored))
                        .getResultList();
        return read.chain(json -> {
            Map<UUID, HazardRow> rows = new HashMap<>();
            json.forEach(text -> {
                HazardRow row = read(text);
                rows.put(row.id(), row);
            });
            Map<UUID, HazardRow> changed = fold(g, rows, events);
            if (changed.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return s.createNativeQuery(WRITE).setParameter("rows", write(changed.values())).executeUpdate()
                    .invoke(written -> {
                        if (written != changed.size()) { // another transaction wrote those versions meanwhile
                            throw new CheckpointMoved(GenerationProjection.nameOf(g), changed.size(), written);
                        }
                    })
                    .replaceWithVoid();
        });
    }

    /**
     * The rows the events change, folded in order, each carrying its last event's version. A HazardFound starts a
     * row once; an event of a hazard that has no row changes nothing.
     */
    static Map<UUID, HazardRow> fold(int g, Map<UUID, HazardRow> rows, List<ReadEvent> events) {
        Map<UUID, HazardRow> changed = new LinkedHashMap<>();
        for (ReadEvent read : events) {
            var event = read.envelope();
            UUID id = event.aggregateId();
            HazardRow row = rows.get(id);
            if (row == null && "HazardFound".equals(event.type())) {
                row = HazardRow.found(g, event, read.payload(HazardFound.class));
                rows.put(id, row);
            } else if (row != null) {
                row.apply(read);
            }
            if (row != null) {
                row.version = event.aggregateVersion();
                changed.put(id, row);
            }
        }
        return changed;
    }

    /** The version of each of these hazards' rows in generation {@code g}, for those that have one. */
    static Uni<Map<UUID, Long>> versions(Mutiny.Session s, int g, Collection<UUID> hazards) {
        return s.createNativeQuery(VERSIONS, Object[].class).setParameter("g", g)
                .setParameter("ids", UuidList.text(hazards))
                .getResultList()
                .map(found -> {
                    Map<UUID, Long> versions = new HashMap<>(found.size() * 2);
                    found.forEach(row -> versions.put(UUID.fromString((String) row[0]), ((Number) row[1]).longValue()));
                    return versions;
                });
    }

    private static HazardRow read(String json) {
        try {
            return ROWS.readValue(json, HazardRow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rp_hazard row not readable: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The rows as one JSON text, written into a buffer sized for them: {@code writeValueAsString} gathers the text in
     * segments and copies it twice more, and a batch's text runs to megabytes.
     */
    private static String write(Collection<HazardRow> rows) {
        StringWriter text = new StringWriter(rows.size() * ROW_CHARS);
        try {
            ROWS.writeValue(text, rows);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }
}
