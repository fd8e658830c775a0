package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.function.BiFunction;

/**
 * Applies each event at most once in effect: the inbox row (consumer, aggregate id, version) is written in the
 * same transaction as the handler's changes, so a redelivered event finds its row and is skipped.
 */
@ApplicationScoped
public class IdempotentConsumer {
    private static final String CLAIM = """
            INSERT INTO es_inbox (consumer, aggregate_id, aggregate_version, event_id)
            VALUES (:consumer, :aggregateId, :version, :eventId) ON CONFLICT DO NOTHING""";

    private final Transactions transactions;

    @Inject
    public IdempotentConsumer(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Decodes a Kafka record value and hands it to {@code handler} unless this consumer applied it before. */
    public Uni<Void> consume(String consumer, String recordValue,
                             BiFunction<Mutiny.Session, EventEnvelope, Uni<Void>> handler) {
        EventEnvelope envelope = EventCodec.readEnvelope(recordValue);
        return transactions.inTransaction(session -> session.createNativeQuery(CLAIM)
                .setParameter("consumer", consumer)
                .setParameter("aggregateId", envelope.aggregateId())
                .setParameter("version", envelope.aggregateVersion())
                .setParameter("eventId", envelope.eventId())
                .executeUpdate()
                .chain(claimed -> claimed == 0 ? Uni.createFrom().voidItem() : handler.apply(session, envelope)));
    }
}
