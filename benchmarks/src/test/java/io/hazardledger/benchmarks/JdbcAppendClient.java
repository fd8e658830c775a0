package io.hazardledger.benchmarks;

import io.hazardledger.contracts.EventDescriptor;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.EventTypes;
import io.hazardledger.eventstore.NewEvent;
import io.hazardledger.eventstore.store.PgErrors;
import io.hazardledger.eventstore.testing.StoreFixtures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The raw baseline: the same two rows as {@code EventStore.append} (es_event, then es_outbox) in one transaction,
 * as two plain JDBC statements on a connection of its own, with the same version check (the database's unique
 * (stream_id, version) and no-gaps trigger) and the same retry.
 */
final class JdbcAppendClient implements AppendClient {
    private static final String INSERT_EVENT = """
            INSERT INTO es_event (event_id, stream_type, stream_id, version, type, schema_version, occurred_at,
                                  actor_subject, actor_role, correlation_id, causation_id, district_code,
                                  enterprise_id, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb))
            RETURNING position""";
    private static final String INSERT_OUTBOX = "INSERT INTO es_outbox (event_position, topic) VALUES (?, ?)";
    /**
     * The stream's last version. Not max(version): with statistics from when every stream was short, the planner
     * may aggregate over the whole stream instead of reading its last index entry, and a hot stream grows long
     * between two ANALYZEs; ORDER BY … LIMIT 1 reads one entry whatever the estimate.
     */
    static final String STREAM_VERSION = "SELECT version FROM es_event WHERE stream_id = ? ORDER BY version DESC LIMIT 1";
    private static final String STREAM_VERSION_CONSTRAINT = "es_event_stream_version";

    private final Connection connection;
    private final PreparedStatement insertEvent;
    private final PreparedStatement insertOutbox;
    private final PreparedStatement streamVersion;

    JdbcAppendClient(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        insertEvent = connection.prepareStatement(INSERT_EVENT);
        insertOutbox = connection.prepareStatement(INSERT_OUTBOX);
        streamVersion = connection.prepareStatement(STREAM_VERSION);
    }

    @Override
    public Appended append(UUID stream, long expectedVersion) {
        try {
            return appendWithRetries(stream, expectedVersion);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Appended appendWithRetries(UUID stream, long expectedVersion) throws SQLException {
        int conflicts = 0;
        for (int attempt = 0; ; attempt++) {
            try {
                long expected = attempt == 0 ? expectedVersion : currentVersion(stream);
                insert(stream, expected + 1);
                connection.commit();
                return new Appended(expected + 1, conflicts);
            } catch (SQLException e) {
                connection.rollback();
                if (!PgErrors.isUniqueViolation(e, STREAM_VERSION_CONSTRAINT)) {
                    throw e;
                }
                conflicts++;
                if (attempt == RETRIES) {
                    return Appended.gaveUp(conflicts);
                }
            }
        }
    }

    private void insert(UUID stream, long version) throws SQLException {
        // Built and serialised per command, as the store does.
        NewEvent event = StoreFixtures.event(stream);
        EventDescriptor descriptor = EventTypes.PUBLISHED.of(event.payload());
        insertEvent.setObject(1, UUID.randomUUID());
        insertEvent.setString(2, StoreAppendClient.STREAM_TYPE);
        insertEvent.setObject(3, stream);
        insertEvent.setLong(4, version);
        insertEvent.setString(5, descriptor.type());
        insertEvent.setInt(6, descriptor.schemaVersion());
        insertEvent.setObject(7, Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
        insertEvent.setString(8, StoreFixtures.CONTEXT.actor().subject());
        insertEvent.setString(9, StoreFixtures.CONTEXT.actor().role());
        insertEvent.setString(10, StoreFixtures.CONTEXT.correlationId());
        insertEvent.setString(11, StoreFixtures.CONTEXT.causationId());
        insertEvent.setString(12, event.districtCode());
        insertEvent.setNull(13, Types.OTHER);
        insertEvent.setString(14, EventCodec.toJson(event.payload()).toString());
        long position;
        try (ResultSet rows = insertEvent.executeQuery()) {
            rows.next();
            position = rows.getLong(1);
        }
        insertOutbox.setLong(1, position);
        insertOutbox.setString(2, descriptor.topic());
        insertOutbox.executeUpdate();
    }

    private long currentVersion(UUID stream) throws SQLException {
        streamVersion.setObject(1, stream);
        try (ResultSet rows = streamVersion.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
