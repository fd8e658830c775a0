package io.hazardledger.reporting.persistence;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.hazard.HazardClosed;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.hazard.HazardReclassified;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.consumer.EventHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/** Projects hazard-events into {@link HazardFact} rows, inside the consumer's transaction. */
@ApplicationScoped
public class HazardFactProjection implements EventHandler {

    @Override
    public String name() {
        return "reporting-service.hazard-facts";
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope event) {
        return switch (event.type()) {
            case "HazardFound" -> found(session, event, EventCodec.payload(event, HazardFound.class));
            case "HazardClosed" -> update(session, event, fact ->
                    fact.closedAt = EventCodec.payload(event, HazardClosed.class).closedAt());
            case "HazardVoided" -> update(session, event, fact -> fact.voided = true);
            case "HazardReclassified" -> update(session, event, fact ->
                    fact.severity = EventCodec.payload(event, HazardReclassified.class).to().name());
            default -> Uni.createFrom().voidItem();
        };
    }

    /** Changes the fact of the event's hazard; the consumer applies a hazard's events in order, after its HazardFound. */
    private Uni<Void> update(Mutiny.Session session, EventEnvelope event, java.util.function.Consumer<HazardFact> change) {
        return session.find(HazardFact.class, event.aggregateId()).invoke(fact -> {
            if (fact != null) {
                change.accept(fact);
                fact.version = event.aggregateVersion();
            }
        }).replaceWithVoid();
    }

    private Uni<Void> found(Mutiny.Session session, EventEnvelope event, HazardFound found) {
        return session.find(HazardFact.class, found.hazardId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            HazardFact fact = new HazardFact();
            fact.hazardId = found.hazardId();
            fact.enterpriseId = found.enterpriseId();
            fact.districtCode = found.districtCode();
            fact.streetCode = found.streetCode();
            fact.industryCode = found.industryCode();
            fact.category = found.category().name();
            fact.severity = found.severity().name();
            fact.source = found.source().name();
            fact.foundAt = found.foundAt() == null ? event.occurredAt() : found.foundAt();
            fact.correlationId = event.correlationId();
            fact.version = event.aggregateVersion();
            return session.persist(fact);
        });
    }
}
