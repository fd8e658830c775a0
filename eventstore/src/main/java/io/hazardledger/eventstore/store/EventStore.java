package io.hazardledger.eventstore.store;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventCatalog;
import io.hazardledger.contracts.EventDescriptor;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.eventstore.CommandContext;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.NewEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Append-only event streams on PostgreSQL. Appends run in the caller's transaction and write the outbox row of
 * each event in it too, so an event is stored and scheduled for Kafka, or neither.
 */
@ApplicationScoped
public class EventStore {
    private static final String SELECT_STREAM =
            "SELECT envelope FROM es_envelope WHERE stream_id = :streamId ORDER BY version";
    private static final String APPEND = """
            WITH appended AS (
                INSERT INTO es_event (event_id, stream_type, stream_id, version, type, schema_version, occurred_at,
                                      actor_subject, actor_role, correlation_id, causation_id, district_code,
                                      enterprise_id, payload)
                VALUES (:eventId, :streamType, :streamId, :version, :type, :schemaVersion, :occurredAt,
                        :actorSubject, :actorRole, :correlationId, cast(:causationId AS text),
                        cast(:districtCode AS text), cast(:enterpriseId AS uuid), cast(cast(:payload AS text) AS jsonb))
                RETURNING position)
            INSERT INTO es_outbox (event_position, topic) SELECT position, :topic FROM appended
            """;
    // The payload is bound as text and cast: bound straight to jsonb, the client would store it as one JSON string.
    private static final String STREAM_VERSION_CONSTRAINT = "es_event_stream_version";

    /** Every event of the stream in version order; empty when the stream does not exist. */
    public Uni<List<EventEnvelope>> load(Mutiny.Session session, UUID streamId) {
        return session.createNativeQuery(SELECT_STREAM, String.class)
                .setParameter("streamId", streamId)
                .getResultList()
                .map(rows -> rows.stream().map(EventCodec::readEnvelope).toList());
    }

    /** Replays a stream into its current state; version 0 means the stream does not exist. */
    public <A> Uni<Loaded<A>> load(Mutiny.Session session, UUID streamId, A empty, BiFunction<A, DomainEvent, A> apply) {
        return load(session, streamId).map(events -> {
            A state = empty;
            for (EventEnvelope event : events) {
                state = apply.apply(state, EventCodec.payload(event));
            }
            return new Loaded<>(state, events.isEmpty() ? 0 : events.get(events.size() - 1).aggregateVersion());
        });
    }

    /** An aggregate's state and the version of the stream it was replayed from. */
    public record Loaded<A>(A state, long version) {
        public boolean exists() {
            return version > 0;
        }
    }

    /**
     * Appends events after {@code expectedVersion}; fails with {@link ConcurrencyConflictException} when another
     * writer got there first.
     */
    public Uni<List<EventEnvelope>> append(Mutiny.Session session, String streamType, UUID streamId,
                                           long expectedVersion, List<NewEvent> events, CommandContext context) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        long version = expectedVersion;
        for (NewEvent event : events) {
            EventDescriptor descriptor = EventCatalog.of(event.payload());
            envelopes.add(new EventEnvelope(UUID.randomUUID(), descriptor.type(), descriptor.schemaVersion(),
                    streamId, ++version, now, context.actor(), context.correlationId(), context.causationId(),
                    event.districtCode(), event.enterpriseId(), EventCodec.toJson(event.payload())));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EventEnvelope envelope : envelopes) {
            chain = chain.chain(() -> insert(session, streamType, envelope));
        }
        return chain
                .onFailure(EventStore::isVersionConflict)
                .transform(e -> new ConcurrencyConflictException(streamId, expectedVersion, e))
                .replaceWith(envelopes);
    }

    private Uni<Void> insert(Mutiny.Session session, String streamType, EventEnvelope envelope) {
        return session.createNativeQuery(APPEND)
                .setParameter("eventId", envelope.eventId())
                .setParameter("streamType", streamType)
                .setParameter("streamId", envelope.aggregateId())
                .setParameter("version", envelope.aggregateVersion())
                .setParameter("type", envelope.type())
                .setParameter("schemaVersion", envelope.schemaVersion())
                .setParameter("occurredAt", envelope.occurredAt().atOffset(ZoneOffset.UTC))
                .setParameter("actorSubject", envelope.actor().subject())
                .setParameter("actorRole", envelope.actor().role())
                .setParameter("correlationId", envelope.correlationId())
                .setParameter("causationId", envelope.causationId())
                .setParameter("districtCode", envelope.districtCode())
                .setParameter("enterpriseId", envelope.enterpriseId())
                .setParameter("payload", envelope.payload().toString())
                .setParameter("topic", EventCatalog.byType(envelope.type()).orElseThrow().topic())
                .executeUpdate()
                .replaceWithVoid();
    }

    static boolean isVersionConflict(Throwable failure) {
        return PgErrors.isUniqueViolation(failure, STREAM_VERSION_CONSTRAINT);
    }
}
