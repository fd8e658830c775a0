package io.hazardledger.reporting.live;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** Reads and prunes {@code live_event}. */
@ApplicationScoped
public class LiveEventRepository {
    private static final String AFTER = """
            SELECT position, event_id, type, district_code, enterprise_id, envelope::text AS envelope
            FROM live_event WHERE position > $1 ORDER BY position LIMIT $2""";
    private static final String LAST = "SELECT coalesce(max(position), 0) AS position FROM live_event";
    private static final String FIRST = "SELECT min(position) AS position FROM live_event";
    /** The position {@code $1} events before the newest, i.e. the cursor from which the newest {@code $1} follow. */
    private static final String BACK = """
            SELECT coalesce((SELECT position FROM live_event ORDER BY position DESC OFFSET $1 LIMIT 1), 0) AS position""";
    private static final String PRUNE = """
            WITH gone AS (
                DELETE FROM live_event WHERE recorded_at < now() - make_interval(secs => $1)
                   OR position <= (SELECT position FROM live_event ORDER BY position DESC OFFSET $2 LIMIT 1)
                RETURNING position)
            SELECT count(*) AS removed, coalesce(max(position), 0) AS up_to FROM gone""";

    @Inject
    Pool pool;

    /** Up to {@code limit} events after {@code cursor}, in order. */
    public Uni<List<LiveEvent>> after(long cursor, int limit) {
        return pool.preparedQuery(AFTER).execute(Tuple.of(cursor, limit)).map(LiveEventRepository::events);
    }

    /** The newest position, 0 when the feed is empty. */
    public Uni<Long> last() {
        return pool.query(LAST).execute().map(rows -> rows.iterator().next().getLong("position"));
    }

    /** The oldest position still kept, or null when the feed is empty. */
    public Uni<Long> first() {
        return pool.query(FIRST).execute().map(rows -> rows.iterator().next().getLong("position"));
    }

    /** The cursor after which the newest {@code count} events follow (0 when there are fewer). */
    public Uni<Long> cursorBeforeNewest(int count) {
        return pool.preparedQuery(BACK).execute(Tuple.of(count)).map(rows -> rows.iterator().next().getLong("position"));
    }

    /** What a pruning removed: how many events, and the newest position among them (0 if none). */
    public record Pruned(long removed, long upTo) {
    }

    /** Removes events older than {@code retentionSeconds} and all but the newest {@code maxRows}. */
    public Uni<Pruned> prune(long retentionSeconds, int maxRows) {
        return pool.preparedQuery(PRUNE).execute(Tuple.of((double) retentionSeconds, maxRows)).map(rows -> {
            Row row = rows.iterator().next();
            return new Pruned(row.getLong("removed"), row.getLong("up_to"));
        });
    }

    private static List<LiveEvent> events(RowSet<Row> rows) {
        List<LiveEvent> events = new ArrayList<>(rows.size());
        for (Row row : rows) {
            events.add(new LiveEvent(row.getLong("position"), row.getUUID("event_id"), row.getString("type"),
                    row.getString("district_code"), row.getUUID("enterprise_id"), row.getString("envelope")));
        }
        return events;
    }
}
