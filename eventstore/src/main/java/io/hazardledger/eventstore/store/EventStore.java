package io.hazardledger.eventstore.store;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventDescriptor;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.eventstore.CommandContext;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.EventTypes;
import io.hazardledger.eventstore.NewEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * each event in it too, so an event is stored and scheduled for Kafka, or neither. Events are read lifted to the
 * current schema version of their type; the stored rows are never rewritten.
 */
@ApplicationScoped
public class EventStore {
    private AppendMetrics metrics = AppendMetrics.NONE;
    private static final String SELECT_STREAM =
            "SELECT envelope FROM es_envelope WHERE stream_id = :streamId AND version > :after ORDER BY version";
    // The longest prefix of the stream that occurred by asOf: an event stamped out of order by a writer's skewed
    // clock ends the prefix instead of leaving a gap in the replay.
    private static final String SELECT_STREAM_AS_OF = """
            SELECT envelope FROM es_envelope
            WHERE stream_id = :streamId
              AND version < (SELECT coalesce(min(version), 9223372036854775807) FROM es_event
                             WHERE stream_id = :streamId AND occurred_at > :asOf)
            ORDER BY version""";
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

    private final EventTypes types;
    private final SnapshotStore snapshots;

    @Inject
    public EventStore(SnapshotConfig snapshots) {
        this(EventTypes.PUBLISHED, snapshots.every());
    }

    /**
     * A store that reads and writes {@code types}, e.g. the published language extended with a test's events.
     *
     * @param snapshotEvery events between snapshots of aggregate types that opted in without a number of their own
     */
    public EventStore(EventTypes types, int snapshotEvery) {
        this.types = types;
        this.snapshots = new SnapshotStore(snapshotEvery);
    }

    /** The event types this store reads and writes. */
    public EventTypes types() {
        return types;
    }

    SnapshotStore snapshots() {
        return snapshots;
    }

    /** Every event of the stream in version order; empty when the stream does not exist. */
    public Uni<List<EventEnvelope>> load(Mutiny.Session session, UUID streamId) {
        return loadAfter(session, streamId, 0);
    }

    /** The events of the stream after {@code version}, in version order. */
    public Uni<List<EventEnvelope>> loadAfter(Mutiny.Session session, UUID streamId, long version) {
        return session.createNativeQuery(SELECT_STREAM, String.class)
                .setParameter("streamId", streamId)
                .setParameter("after", version)
                .getResultList()
                .map(this::read);
    }

    /** The events of the stream that had occurred by {@code asOf} (inclusive), in version order. */
    public Uni<List<EventEnvelope>> loadAsOf(Mutiny.Session session, UUID streamId, Instant asOf) {
        // occurred_at holds microseconds, so cutting asOf to them keeps "occurred_at <= asOf" exact.
        return session.createNativeQuery(SELECT_STREAM_AS_OF, String.class)
                .setParameter("streamId", streamId)
                .setParameter("asOf", asOf.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                .getResultList()
                .map(this::read);
    }

    /** Replays a stream into its current state; version 0 means the stream does not exist. */
    public <A> Uni<Loaded<A>> load(Mutiny.Session session, UUID streamId, A empty, BiFunction<A, DomainEvent, A> apply) {
        return replayAfter(session, streamId, new Loaded<>(empty, 0), apply);
    }

    /** Folds the events after {@code from.version()} into {@code from.state()}, e.g. those after a snapshot. */
    <A> Uni<Loaded<A>> replayAfter(Mutiny.Session session, UUID streamId, Loaded<A> from,
                                          BiFunction<A, DomainEvent, A> apply) {
        return loadAfter(session, streamId, from.version()).map(events -> fold(from, events, apply));
    }

    /** Replays the stream as it stood at {@code asOf}; version 0 means it did not exist yet. */
    public <A> Uni<Loaded<A>> loadAsOf(Mutiny.Session session, UUID streamId, Instant asOf, A empty,
                                       BiFunction<A, DomainEvent, A> apply) {
        return loadAsOf(session, streamId, asOf).map(events -> fold(new Loaded<>(empty, 0), events, apply));
    }

    /** Folds events, in order, into a state. */
    <A> Loaded<A> fold(Loaded<A> from, List<EventEnvelope> events, BiFunction<A, DomainEvent, A> apply) {
        A state = from.state();
        long version = from.version();
        for (EventEnvelope event : events) {
            state = apply.apply(state, types.payload(event));
            version = event.aggregateVersion();
        }
        return new Loaded<>(state, version);
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
            EventDescriptor descriptor = types.of(event.payload());
            envelopes.add(new EventEnvelope(UUID.randomUUID(), descriptor.type(), descriptor.schemaVersion(),
                    streamId, ++version, now, context.actor(), context.correlationId(), context.causationId(),
                    event.districtCode(), event.enterpriseId(), EventCodec.toJson(event.payload())));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EventEnvelope envelope : envelopes) {
            chain = chain.chain(() -> insert(session, streamType, envelope));
        }
        long started = System.nanoTime();
        return chain
                .onFailure(EventStore::isVersionConflict)
                .transform(e -> new ConcurrencyConflictException(streamId, expectedVersion, e))
                .invoke(() -> metrics.appended(envelopes.size(), System.nanoTime() - started))
                .replaceWith(envelopes);
    }

    /** Counts appended events and times appends ({@code eventstore_events_appended_total}, {@code eventstore_append_seconds}). */
    @Inject
    void measureWith(MeterRegistry registry) {
        this.metrics = AppendMetrics.to(registry);
    }

    /** What the store reports about its appends; nothing until a registry is given. */
    private record AppendMetrics(Counter events, Timer appends) {
        static final AppendMetrics NONE = new AppendMetrics(null, null);

        static AppendMetrics to(MeterRegistry registry) {
            return new AppendMetrics(registry.counter("eventstore.events.appended"),
                    Timer.builder("eventstore.append").publishPercentiles(0.5, 0.99).register(registry));
        }

        void appended(int count, long nanos) {
            if (events != null) {
                events.increment(count);
                appends.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }
    }

    private List<EventEnvelope> read(List<String> rows) {
        return rows.stream().map(json -> types.upcast(EventCodec.readEnvelope(json))).toList();
    }

    private Uni<Void> insert(Mutiny.Session session, String streamType, EventEnvelope envelope) {
        return bind(session.createNativeQuery(APPEND), streamType, envelope)
                .setParameter("topic", types.byType(envelope.type()).orElseThrow().topic())
                .executeUpdate()
                .replaceWithVoid();
    }

    /** Binds an envelope's columns to a statement that inserts it into es_event. */
    static Mutiny.Query<Object> bind(Mutiny.Query<Object> statement, String streamType, EventEnvelope envelope) {
        return statement
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
                .setParameter("payload", envelope.payload().toString());
    }

    static boolean isVersionConflict(Throwable failure) {
        return PgErrors.isUniqueViolation(failure, STREAM_VERSION_CONSTRAINT);
    }
}
