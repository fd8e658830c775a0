package io.hazardledger.reporting.persistence;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.hazard.HazardFound;
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
        if ("HazardFound".equals(event.type())) {
            return found(session, event, EventCodec.payload(event, HazardFound.class));
        }
        return Uni.createFrom().voidItem();
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
            fact.foundAt = event.occurredAt();
            fact.correlationId = event.correlationId();
            fact.version = event.aggregateVersion();
            return session.persist(fact);
        });
    }
}
