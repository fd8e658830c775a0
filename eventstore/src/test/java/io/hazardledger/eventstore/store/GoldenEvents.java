package io.hazardledger.eventstore.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.eventstore.EventCodec;
import org.hibernate.reactive.mutiny.Mutiny;
import io.smallrye.mutiny.Uni;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Golden events: envelopes exactly as an older version of the code stored them (test resources under
 * {@code golden/}), read and stored again byte for byte, never regenerated.
 */
final class GoldenEvents {
    private static final String INSERT_AS_STORED = """
            INSERT INTO es_event (event_id, stream_type, stream_id, version, type, schema_version, occurred_at,
                                  actor_subject, actor_role, correlation_id, causation_id, district_code,
                                  enterprise_id, payload)
            VALUES (:eventId, :streamType, :streamId, :version, :type, :schemaVersion, :occurredAt,
                    :actorSubject, :actorRole, :correlationId, cast(:causationId AS text),
                    cast(:districtCode AS text), cast(:enterpriseId AS uuid), cast(cast(:payload AS text) AS jsonb))""";

    private GoldenEvents() {
    }

    /** The envelopes of a golden file, a JSON array in stream order. */
    static List<EventEnvelope> read(String resource) {
        try (InputStream in = GoldenEvents.class.getResourceAsStream("/golden/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No golden file " + resource);
            }
            JsonNode array = EventCodec.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<EventEnvelope> envelopes = new ArrayList<>();
            array.forEach(node -> envelopes.add(EventCodec.readEnvelope(node.toString())));
            return envelopes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores the envelope as it is, schema version included, as the code of its day did. */
    static Uni<Void> store(Mutiny.Session session, String streamType, EventEnvelope envelope) {
        return EventStore.bind(session.createNativeQuery(INSERT_AS_STORED), streamType, envelope)
                .executeUpdate()
                .replaceWithVoid();
    }
}
