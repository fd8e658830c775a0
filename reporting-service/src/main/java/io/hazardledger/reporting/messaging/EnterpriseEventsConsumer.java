package io.hazardledger.reporting.messaging;

import io.hazardledger.eventstore.enterprises.EnterpriseDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the local copy of the ledger, so every district with enterprises appears in the tables. */
@ApplicationScoped
public class EnterpriseEventsConsumer {
    @Inject
    EnterpriseDirectory directory;

    @Incoming("enterprise-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return directory.consume(record);
    }
}
