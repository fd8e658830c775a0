package io.hazardledger.reporting.persistence;

import io.hazardledger.contracts.EventCatalog;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.Topics;
import io.hazardledger.eventstore.consumer.EventHandler;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The reporting projection of one generation: every event of the three topics, applied to that generation's rows.
 * Each generation has its own checkpoints (its name carries the number), so a rebuild replays everything while the
 * active generation goes on answering.
 */
public final class GenerationProjection implements EventHandler {
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

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope event) {
        String topic = EventCatalog.byType(event.type()).map(d -> d.topic()).orElse("");
        Uni<Integer> change = switch (topic) {
            case Topics.HAZARD_EVENTS -> HazardRows.apply(session, generation, event);
            case Topics.ENTERPRISE_EVENTS -> EnterpriseRows.apply(session, generation, event);
            case Topics.INSPECTION_EVENTS -> InspectionRows.apply(session, generation, event);
            default -> Uni.createFrom().item(0);
        };
        return change.replaceWithVoid();
    }
}
