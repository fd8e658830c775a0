package io.hazardledger.eventstore.enterprises;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.enterprise.EnterpriseStatus;
import io.hazardledger.contracts.enterprise.EnterpriseRelocated;
import io.hazardledger.contracts.enterprise.EnterpriseStatusChanged;
import io.hazardledger.contracts.enterprise.EnterpriseUpdated;
import io.hazardledger.eventstore.EventCodec;
import io.smallrye.mutiny.Uni;
import io.hazardledger.eventstore.consumer.EventHandler;
import io.hazardledger.eventstore.consumer.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.UUID;

/**
 * The local copy of the ledger that inspection, hazard and reporting services keep from enterprise-events, so they
 * never call the registry to check or place a fact. Each service feeds it from its own consumer.
 */
@ApplicationScoped
public class EnterpriseDirectory implements EventHandler {
    @Inject
    IdempotentConsumer consumer;
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Override
    public String name() {
        return service + ".enterprise-copy";
    }

    /** Applies one record of enterprise-events once; a service's {@code @Incoming} method delegates here. */
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(this, record);
    }

    /** Applies one enterprise event; called inside the consumer's transaction. */
    @Override
    public Uni<Void> apply(Mutiny.Session session, EventEnvelope event) {
        DomainEvent payload = EventCodec.payload(event);
        return session.find(EnterpriseCopy.class, event.aggregateId()).chain(existing -> {
            if (existing != null && existing.version >= event.aggregateVersion()) {
                return Uni.createFrom().voidItem();
            }
            if (payload instanceof EnterpriseRegistered registered) {
                EnterpriseCopy copy = existing != null ? existing : new EnterpriseCopy();
                copy.id = registered.enterpriseId();
                copy.name = registered.name();
                copy.districtCode = registered.districtCode();
                copy.streetCode = registered.streetCode();
                copy.industryCode = registered.industryCode();
                copy.status = EnterpriseStatus.ACTIVE;
                copy.version = event.aggregateVersion();
                return existing != null ? Uni.createFrom().voidItem() : session.persist(copy);
            }
            // A change to an enterprise this copy never saw registered waits for nothing: there is no row to change.
            if (existing == null) {
                return Uni.createFrom().voidItem();
            }
            if (payload instanceof EnterpriseStatusChanged changed) {
                existing.status = changed.to();
            } else if (payload instanceof EnterpriseUpdated updated) {
                existing.name = updated.name();
                existing.industryCode = updated.industryCode();
            } else if (payload instanceof EnterpriseRelocated relocated) {
                // Facts recorded from now on are placed in the new district and street; earlier ones keep theirs.
                existing.districtCode = relocated.districtCode();
                existing.streetCode = relocated.streetCode();
            }
            existing.version = event.aggregateVersion();
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<EnterpriseCopy> find(Mutiny.Session session, UUID enterpriseId) {
        return session.find(EnterpriseCopy.class, enterpriseId);
    }
}
