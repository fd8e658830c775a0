package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A consumer for tests: remembers what it applied, and fails on the events it is told are poison. */
@ApplicationScoped
public class RecordingHandler implements EventHandler {
    // Reached through methods only: a test holds the client proxy, whose fields are not the bean's.
    private final List<EventEnvelope> applied = new CopyOnWriteArrayList<>();
    private final Set<UUID> poison = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Duration> slow = new ConcurrentHashMap<>();

    void poison(UUID eventId) {
        poison.add(eventId);
    }

    void cure(UUID eventId) {
        poison.remove(eventId);
    }

    /** Applying the event takes this long, holding its transaction open. */
    void slow(UUID eventId, Duration delay) {
        slow.put(eventId, delay);
    }

    @Override
    public String name() {
        return "eventstore-test.recorder";
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope event) {
        if (poison.contains(event.eventId())) {
            return Uni.createFrom().failure(new IllegalStateException("cannot apply " + event.eventId()));
        }
        applied.add(event);
        Duration delay = slow.get(event.eventId());
        return delay == null ? Uni.createFrom().voidItem() : Uni.createFrom().voidItem().onItem().delayIt().by(delay);
    }

    List<Long> versionsOf(UUID aggregateId) {
        return applied.stream().filter(e -> e.aggregateId().equals(aggregateId)).map(EventEnvelope::aggregateVersion).toList();
    }
}
