package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Applies one event in its aggregate's order, inside the caller's transaction: held back while an earlier event
 * of the aggregate is a dead letter, ignored when its version was applied before, reported when versions were
 * skipped, and recorded as applied together with the handler's changes.
 */
@ApplicationScoped
public class OrderedApplier {
    private static final Logger LOG = Logger.getLogger(OrderedApplier.class);

    /** What became of an event. */
    public enum Outcome { APPLIED, DUPLICATE, HELD, PARKED }

    @Inject
    ConsumerCheckpoints checkpoints;
    @Inject
    DeadLetterStore letters;
    @Inject
    MeterRegistry registry;

    /**
     * @param headOfLine true when the event is itself the oldest open dead letter of its aggregate, being retried
     */
    public Uni<Outcome> apply(Mutiny.Session session, EventHandler handler, IncomingRecord record, EventEnvelope event,
                              boolean headOfLine) {
        String consumer = handler.name();
        return checkpoints.lockAndRead(session, consumer, event.aggregateId()).chain(guard -> {
            if (!headOfLine && guard.heldBehind() > 0) {
                return letters.insert(session, consumer, record, event, DeadLetter.WAITING,
                                "waiting behind an earlier dead letter of aggregate " + event.aggregateId())
                        .chain(() -> checkpoints.offset(session, consumer, record)).replaceWith(Outcome.HELD);
            }
            if (event.aggregateVersion() <= guard.lastVersion()) {
                return checkpoints.offset(session, consumer, record).replaceWith(Outcome.DUPLICATE);
            }
            Uni<Void> gap = Uni.createFrom().voidItem();
            long expected = guard.lastVersion() + 1;
            if (event.aggregateVersion() > expected) {
                LOG.warnf("%s: aggregate %s jumped from version %d to %d", consumer, event.aggregateId(),
                        guard.lastVersion(), event.aggregateVersion());
                registry.counter("eventstore.consumer.gaps", "consumer", consumer).increment();
                gap = checkpoints.gap(session, consumer, event, expected);
            }
            return gap.chain(() -> handler.apply(session, event))
                    .chain(() -> checkpoints.applied(session, consumer, record, event))
                    .replaceWith(Outcome.APPLIED);
        });
    }
}
