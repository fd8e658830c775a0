package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A consumer for tests that joins its topics part-way, as the live feed does. */
@ApplicationScoped
public class MidStreamHandler implements EventHandler {
    private final List<EventEnvelope> applied = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "eventstore-test.mid-stream";
    }

    @Override
    public boolean startsMidStream() {
        return true;
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope event) {
        applied.add(event);
        return Uni.createFrom().voidItem();
    }

    List<Long> versionsOf(UUID aggregateId) {
        return applied.stream().filter(e -> e.aggregateId().equals(aggregateId)).map(EventEnvelope::aggregateVersion).toList();
    }
}
