package io.hazardledger.hazard.messaging;

import io.hazardledger.eventstore.consumer.IdempotentConsumer;
import io.hazardledger.eventstore.enterprises.EnterpriseDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the local copy of the ledger that places each hazard in its street and industry. */
@ApplicationScoped
public class EnterpriseEventsConsumer {
    @Inject
    IdempotentConsumer consumer;
    @Inject
    EnterpriseDirectory directory;

    @Incoming("enterprise-events")
    public Uni<Void> consume(String event) {
        return consumer.consume("hazard-service.enterprises", event, directory::apply);
    }
}
