package io.hazardledger.reporting.persistence;

import io.hazardledger.contracts.EventCatalog;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.Topics;
import io.hazardledger.eventstore.consumer.EventHandler;
import io.hazardledger.eventstore.consumer.OwnVersions;
import io.hazardledger.eventstore.consumer.ReadEvent;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reporting projection of one generation: every event of the three topics, applied to that generation's rows.
 * Each generation has its own checkpoints (its name carries the number; a hazard's is its row), so a rebuild replays
 * everything while the active generation goes on answering.
 */
public final class GenerationProjection implements EventHandler, OwnVersions {
    public static final String PREFIX = "reporting-service.projection.g";
    private final int generation;

    public GenerationProjection(int generation) {
        this.generation = generation;
    }

    public static String nameOf(int generation) {
        return PREFIX + generation;
    }

    public int generation() {
        return generation;
    }

    @Override
    public String name() {
        return nameOf(generation);
    }

    /** A hazard's version is kept in its row, written with it: one row per hazard rather than two. */
    @Override
    public OwnVersions ownVersions() {
        return this;
    }

    @Override
    public boolean keeps(EventEnvelope event) {
        return EventCatalog.byType(event.type()).map(d -> Topics.HAZARD_EVENTS.equals(d.topic())).orElse(false);
    }

    @Override
    public Uni<Map<UUID, Long>> read(Mutiny.Session session, Collection<UUID> hazards) {
        return HazardRows.versions(session, generation, hazards);
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope event) {
        return applyRead(session, List.of(ReadEvent.of(event)));
    }

    @Override
    public Uni<Void> applyAll(Mutiny.Session session, List<EventEnvelope> events) {
        return applyRead(session, events.stream().map(ReadEvent::of).toList());
    }

    /** Hazard events as one batch (set-based); enterprise and inspection events one after another, in order. */
    @Override
    public Uni<Void> applyRead(Mutiny.Session session, List<ReadEvent> events) {
        List<ReadEvent> hazards = new ArrayList<>();
        Uni<Integer> others = Uni.createFrom().item(0);
        for (ReadEvent read : events) {
            EventEnvelope event = read.envelope();
            String topic = EventCatalog.byType(event.type()).map(d -> d.topic()).orElse("");
            switch (topic) {
                case Topics.HAZARD_EVENTS -> hazards.add(read);
                case Topics.ENTERPRISE_EVENTS -> others = others.chain(() -> EnterpriseRows.apply(session, generation, read));
                case Topics.INSPECTION_EVENTS -> others = others.chain(() -> InspectionRows.apply(session, generation, read));
                default -> {
                    // not a figure of any table
                }
            }
        }
        return others.chain(() -> hazards.isEmpty() ? Uni.createFrom().voidItem()
                : HazardRows.applyAll(session, generation, hazards));
    }
}
