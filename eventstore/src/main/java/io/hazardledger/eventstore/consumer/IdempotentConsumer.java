package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.eventstore.Transactions;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where every Kafka record of every service enters: applied at most once in effect and in per-aggregate order
 * ({@link OrderedApplier}). An outage of the database is waited out with back-off, holding the partition; an
 * event that cannot be read or applied is parked as a dead letter, and later events of its aggregate wait behind
 * it while other aggregates carry on.
 */
@ApplicationScoped
public class IdempotentConsumer {
    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    @Inject
    Transactions transactions;
    @Inject
    OrderedApplier applier;
    @Inject
    DeadLetterStore letters;
    @Inject
    ConsumerCheckpoints checkpoints;
    @Inject
    DeadLetterTopic topic;
    @Inject
    MeterRegistry registry;

    public Uni<Void> consume(EventHandler handler, ConsumerRecord<String, String> consumerRecord) {
        return consume(handler, IncomingRecord.of(consumerRecord));
    }

    private Uni<Void> consume(EventHandler handler, IncomingRecord record) {
        return deliver(handler, record)
                .onFailure(TransientFailures::isTransient).invoke(failure -> LOG.warnf(
                        "%s waits for the database at %s-%d@%d: %s", handler.name(), record.topic(), record.partition(),
                        record.offset(), failure.getMessage()))
                .onFailure(TransientFailures::isTransient).retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).indefinitely()
                .invoke(outcome -> registry.counter("eventstore.consumer.events", "consumer", handler.name(),
                        "outcome", outcome.name().toLowerCase()).increment())
                .replaceWithVoid();
    }

    private Uni<OrderedApplier.Outcome> deliver(EventHandler handler, IncomingRecord record) {
        ReadEvent read;
        try {
            read = ReadEvent.of(record.envelope()); // an unknown type or a payload that does not fit is poison too
        } catch (RuntimeException unreadable) {
            return park(handler, record, null, unreadable);
        }
        EventEnvelope event = read.envelope();
        return transactions.inTransaction(session -> applier.apply(session, handler, record, read, false))
                .invoke(outcome -> {
                    if (outcome == OrderedApplier.Outcome.HELD) {
                        topic.publish(handler.name(), record, DeadLetter.WAITING, "waiting behind an earlier dead letter");
                    }
                })
                .onFailure(failure -> !TransientFailures.isTransient(failure))
                .recoverWithUni(failure -> park(handler, record, event, failure));
    }

    private Uni<OrderedApplier.Outcome> park(EventHandler handler, IncomingRecord record, EventEnvelope event,
                                             Throwable failure) {
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return transactions.inTransaction(session -> letters
                        .insert(session, handler.name(), record, event, DeadLetter.PARKED, reason)
                        .chain(() -> checkpoints.offset(session, handler.name(), record)))
                .invoke(() -> {
                    LOG.errorf("%s parked %s-%d@%d as a dead letter: %s", handler.name(), record.topic(),
                            record.partition(), record.offset(), reason);
                    topic.publish(handler.name(), record, DeadLetter.PARKED, reason);
                })
                .replaceWith(OrderedApplier.Outcome.PARKED);
    }

    /**
     * Applies a batch of records in one transaction, each exactly as {@link #consume} would (same order, dedupe and
     * checkpoints), with the bookkeeping and the handler's work done once for the whole batch
     * ({@link OrderedApplier#applyAll}), which makes a replay from the start of a topic many times faster. When a
     * record cannot be read or applied, the batch is rolled back and its records go through {@link #consume} one by
     * one, so a poison record is parked just as it would be.
     */
    public Uni<Void> consumeAll(EventHandler handler, List<IncomingRecord> records) {
        List<ReadEvent> events = new ArrayList<>(records.size());
        try {
            for (IncomingRecord record : records) {
                events.add(ReadEvent.of(record.envelope()));
            }
        } catch (RuntimeException unreadable) {
            return oneByOne(handler, records);
        }
        return transactions.inTransaction(session -> applier.applyAll(session, handler, records, events, false))
                .onFailure(TransientFailures::isTransient).retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).indefinitely()
                .invoke(outcomes -> {
                    Map<OrderedApplier.Outcome, Integer> counts = new EnumMap<>(OrderedApplier.Outcome.class);
                    for (int i = 0; i < outcomes.size(); i++) {
                        if (outcomes.get(i) == OrderedApplier.Outcome.HELD) {
                            topic.publish(handler.name(), records.get(i), DeadLetter.WAITING,
                                    "waiting behind an earlier dead letter");
                        }
                        counts.merge(outcomes.get(i), 1, Integer::sum);
                    }
                    counts.forEach((outcome, count) -> registry.counter("eventstore.consumer.events",
                            "consumer", handler.name(), "outcome", outcome.name().toLowerCase()).increment(count));
                })
                .replaceWithVoid()
                .onFailure(failure -> !TransientFailures.isTransient(failure))
                .recoverWithUni(failure -> oneByOne(handler, records));
    }

    private Uni<Void> oneByOne(EventHandler handler, List<IncomingRecord> records) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (IncomingRecord record : records) {
            chain = chain.chain(() -> consume(handler, record));
        }
        return chain;
    }
}
