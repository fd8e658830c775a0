package io.hazardledger.reporting.live;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.consumer.EventHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;

/**
 * Appends every event of the three topics to {@code live_event}, inside the consumer's transaction (so an event is
 * in the feed exactly once). Events older than the retention are left out: a fresh deployment reading the topics
 * from their beginning would only append what the pruning removes at once.
 */
@ApplicationScoped
public class LiveFeedProjection implements EventHandler {
    /*
     * The lock makes appends take their position and commit one at a time, across consumers and instances, so a
     * position becomes visible only after every smaller one: tailing "position > last seen" never skips an event
     * whose transaction committed late. It conflicts with itself only, never with readers.
     */
    private static final String SERIALISE = "LOCK TABLE live_event IN SHARE ROW EXCLUSIVE MODE";
    private static final String APPEND = """
            INSERT INTO live_event (event_id, type, district_code, enterprise_id, occurred_at, envelope)
            VALUES (cast(:eventId AS uuid), :type, cast(:district AS varchar), cast(:enterprise AS uuid), :occurredAt,
                    cast(cast(:envelope AS text) AS json))
            ON CONFLICT (event_id) DO NOTHING""";
    // (The envelope goes through text: a string bound straight to a json parameter would be stored as a JSON string.)

    @Inject
    LiveFeedConfig config;

    @Override
    public String name() {
        return "reporting-service.live-feed";
    }

    /** It begins each topic a bounded number of events before its end ({@link LiveFeedStart}). */
    @Override
    public boolean startsMidStream() {
        return true;
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope event) {
        if (event.occurredAt().isBefore(Instant.now().minus(config.retention()))) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery(SERIALISE).executeUpdate()
                .chain(() -> session.createNativeQuery(APPEND)
                        .setParameter("eventId", event.eventId().toString())
                        .setParameter("type", event.type())
                        .setParameter("district", event.districtCode())
                        .setParameter("enterprise", event.enterpriseId() == null ? null : event.enterpriseId().toString())
                        .setParameter("occurredAt", event.occurredAt())
                        .setParameter("envelope", EventCodec.write(event))
                        .executeUpdate())
                .replaceWithVoid();
    }
}
