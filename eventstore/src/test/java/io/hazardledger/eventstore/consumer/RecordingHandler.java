package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
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

    void poison(UUID eventId) {
        poison.add(eventId);
    }

    void cure(UUID eventId) {
        poison.remove(eventId);
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
        return Uni.createFrom().voidItem();
    }

    List<Long> versionsOf(UUID aggregateId) {
        return applied.stream().filter(e -> e.aggregateId().equals(aggregateId)).map(EventEnvelope::aggregateVersion).toList();
    }
}
