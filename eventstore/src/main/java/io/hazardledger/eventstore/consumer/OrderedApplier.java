package io.hazardledger.eventstore.consumer;

import io.hazardledger.contracts.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Applies events in their aggregates' order, inside the caller's transaction: an event is held back while an
 * earlier event of its aggregate is a dead letter, ignored when its version was applied before, reported when
 * versions were skipped, and recorded as applied together with the handler's changes. A batch costs the same few
 * statements as one event (lock and read the aggregates, the handler's work, the checkpoints), which is what makes a
 * replay from the start of a topic fast.
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
        return applyAll(session, handler, List.of(record), List.of(event), headOfLine).map(outcomes -> outcomes.get(0));
    }

    /** Applies records (with their decoded events, index for index) in order; the outcome of each. */
    public Uni<List<Outcome>> applyAll(Mutiny.Session session, EventHandler handler, List<IncomingRecord> records,
                                       List<EventEnvelope> events, boolean headOfLine) {
        String consumer = handler.name();
        // Sorted, so that two transactions lock the aggregates they share in the same order.
        List<UUID> aggregates = List.copyOf(new TreeSet<>(events.stream().map(EventEnvelope::aggregateId).toList()));
        return checkpoints.lock(session, consumer, aggregates)
                .chain(lastVersions -> checkpoints.heldBehind(session, consumer, aggregates)
                        .chain(held -> sort(session, handler, records, events, headOfLine, lastVersions, held)));
    }

    private Uni<List<Outcome>> sort(Mutiny.Session session, EventHandler handler, List<IncomingRecord> records,
                                    List<EventEnvelope> events, boolean headOfLine, Map<UUID, Long> lastVersions,
                                    Map<UUID, Long> held) {
        String consumer = handler.name();
        Map<UUID, Long> versions = new HashMap<>(lastVersions);
        Map<UUID, Long> advanced = new LinkedHashMap<>();
        List<EventEnvelope> toApply = new ArrayList<>(events.size());
        List<Outcome> outcomes = new ArrayList<>(events.size());
        Uni<Void> bookkeeping = Uni.createFrom().voidItem();
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = events.get(i);
            IncomingRecord record = records.get(i);
            UUID aggregate = event.aggregateId();
            long last = versions.getOrDefault(aggregate, 0L);
            if (!headOfLine && held.getOrDefault(aggregate, 0L) > 0) {
                bookkeeping = bookkeeping.chain(() -> letters.insert(session, consumer, record, event, DeadLetter.WAITING,
                        "waiting behind an earlier dead letter of aggregate " + aggregate));
                outcomes.add(Outcome.HELD);
            } else if (event.aggregateVersion() <= last) {
                outcomes.add(Outcome.DUPLICATE);
            } else {
                if (event.aggregateVersion() > last + 1) {
                    LOG.warnf("%s: aggregate %s jumped from version %d to %d", consumer, aggregate, last,
                            event.aggregateVersion());
                    registry.counter("eventstore.consumer.gaps", "consumer", consumer).increment();
                    long expected = last + 1;
                    bookkeeping = bookkeeping.chain(() -> checkpoints.gap(session, consumer, event, expected));
                }
                versions.put(aggregate, event.aggregateVersion());
                advanced.put(aggregate, event.aggregateVersion());
                toApply.add(event);
                outcomes.add(Outcome.APPLIED);
            }
        }
        return bookkeeping.chain(() -> toApply.isEmpty() ? Uni.createFrom().voidItem() : handler.applyAll(session, toApply))
                .chain(() -> checkpoints.applied(session, consumer, advanced, records))
                .replaceWith(outcomes);
    }
}
