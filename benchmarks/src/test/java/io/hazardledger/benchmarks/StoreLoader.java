package io.hazardledger.benchmarks;

import io.hazardledger.contracts.Topics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fills the benchmark's throwaway database in bulk with plain SQL, far faster than appending one event at a time:
 * events of the shape the store writes, each with its outbox row marked published (the relay never deletes rows,
 * so a store of n events has an outbox of n rows).
 */
final class StoreLoader {
    private static final int EVENTS_PER_STATEMENT = 1_000_000;
    private static final String LOAD = """
            WITH appended AS (
                INSERT INTO es_event (event_id, stream_type, stream_id, version, type, schema_version, occurred_at,
                                      actor_subject, actor_role, correlation_id, causation_id, district_code, payload)
                SELECT gen_random_uuid(), ?, s.id, v, 'InspectionStarted', 1, now(), 'test', 'test', 'corr-load',
                       'load', '370000', jsonb_build_object('inspectionId', s.id, 'startedAt', now())
                FROM %s AS s (id) CROSS JOIN generate_series(1, ?) AS v
                RETURNING position)
            INSERT INTO es_outbox (event_position, topic, published_at) SELECT position, ?, now() FROM appended
            """;
    // Stream ids derived from the row number, not drawn per row: the plan may then evaluate the list any number
    // of times and each stream still gets all its versions.
    private static final String NEW_STREAMS = "(SELECT md5(?::text || ':' || n)::uuid FROM generate_series(1, ?) AS n)";
    private static final String GIVEN_STREAMS = "unnest(?::uuid[])";

    private final Connection connection;

    StoreLoader(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(true);
    }

    /** Removes every event and outbox row, e.g. those of the JIT warm-up, so the store holds only what is loaded. */
    void empty() throws SQLException {
        execute("ALTER TABLE es_event DISABLE TRIGGER USER");
        try {
            execute("TRUNCATE es_outbox, es_event");
        } finally {
            execute("ALTER TABLE es_event ENABLE TRIGGER USER");
        }
    }

    long storedEvents() throws SQLException {
        return BenchmarkDatabase.number(connection, "SELECT count(*) FROM es_event");
    }

    /** Streams with one event each (version 1), for the Zipf scenarios. */
    UUID[] createStreams(int count, String streamType) throws SQLException {
        UUID[] ids = new UUID[count];
        for (int i = 0; i < count; i++) {
            ids[i] = UUID.randomUUID();
        }
        try (PreparedStatement load = connection.prepareStatement(LOAD.formatted(GIVEN_STREAMS))) {
            load.setString(1, streamType);
            load.setArray(2, connection.createArrayOf("uuid", ids));
            load.setInt(3, 1);
            load.setString(4, Topics.INSPECTION_EVENTS);
            load.executeUpdate();
        }
        settle();
        return ids;
    }

    /**
     * Adds streams of {@code streamLength} events until the store holds at least {@code target} events. The
     * store's own triggers (append-only, no gaps) are off meanwhile: the no-gaps check would cost an index probe
     * per row, and this database is thrown away after the run.
     */
    void fillTo(long target, int streamLength) throws SQLException {
        long stored = storedEvents();
        if (stored >= target) {
            return;
        }
        long started = System.nanoTime();
        System.out.printf("Loading %,d events in streams of %d...%n", target - stored, streamLength);
        execute("ALTER TABLE es_event DISABLE TRIGGER USER");
        try (PreparedStatement load = connection.prepareStatement(LOAD.formatted(NEW_STREAMS))) {
            while (stored < target) {
                long events = Math.min(EVENTS_PER_STATEMENT, target - stored);
                int streams = (int) ((events + streamLength - 1) / streamLength);
                load.setString(1, "bench-filler");
                load.setString(2, UUID.randomUUID().toString());
                load.setInt(3, streams);
                load.setInt(4, streamLength);
                load.setString(5, Topics.INSPECTION_EVENTS);
                stored += load.executeUpdate();
                System.out.printf("  %,d events stored after %d s%n", stored, (System.nanoTime() - started) / 1_000_000_000);
            }
        } finally {
            execute("ALTER TABLE es_event ENABLE TRIGGER USER");
        }
        settle();
        System.out.printf("Loaded and vacuumed in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    /**
     * Leaves the store as a long-running one would be: vacuumed and analysed (so autovacuum does not start in the
     * middle of a measurement) and checkpointed (so the load's dirty pages are not written during one).
     */
    private void settle() throws SQLException {
        execute("VACUUM (ANALYZE) es_event, es_outbox");
        try {
            execute("CHECKPOINT");
        } catch (SQLException e) {
            System.out.println("CHECKPOINT not allowed to this user, skipped: " + e.getMessage());
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
