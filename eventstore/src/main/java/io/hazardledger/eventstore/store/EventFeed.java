package io.hazardledger.eventstore.store;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.eventstore.EventCodec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads every stream of the store in one global order that never skips an event. A position is taken at insert
 * but becomes visible at commit, so "everything after position N" would miss a slower transaction's lower
 * position for good. The feed therefore orders by (writing transaction, position) and stops below the oldest
 * transaction still open: whatever it has not returned yet can only commit at or after where it stopped.
 */
@ApplicationScoped
public class EventFeed {
    private static final String READ = """
            SELECT transaction_id::text AS transaction_id, position, envelope FROM es_envelope
            WHERE (transaction_id, position) > ($1::text::xid8, $2)
              AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY transaction_id, position
            LIMIT $3""";

    @Inject
    Pool pool;

    /** Where a reader stands: the last (transaction, position) it has seen. */
    public record Checkpoint(String transactionId, long position) {
        public static final Checkpoint START = new Checkpoint("0", 0);
    }

    /** Events after the checkpoint, and the checkpoint to continue from. */
    public record Page(List<EventEnvelope> events, Checkpoint next) {
    }

    public Uni<Page> readAfter(Checkpoint after, int limit) {
        return pool.preparedQuery(READ).execute(Tuple.of(after.transactionId(), after.position(), limit)).map(rows -> {
            List<EventEnvelope> events = new ArrayList<>();
            Checkpoint next = after;
            for (Row row : rows) {
                events.add(EventCodec.readEnvelope(row.getString("envelope")));
                next = new Checkpoint(row.getString("transaction_id"), row.getLong("position"));
            }
            return new Page(events, next);
        });
    }
}
