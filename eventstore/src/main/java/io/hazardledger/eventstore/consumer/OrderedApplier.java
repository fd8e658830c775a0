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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies events in their aggregates' order, inside the caller's transaction: an event is held back while an
 * earlier event of its aggregate is a dead letter, ignored when its version was applied before, reported when
 * versions were skipped, and recorded as applied together with the handler's changes. A batch costs the same few
 * statements as one event (lock the partition and read the aggregates, the handler's work, the checkpoints), which
 * is what makes a replay from the start of a topic fast. The last version applied per aggregate is kept in
 * es_consumer_stream, or by the handler itself where it says so ({@link OwnVersions}).
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
    public Uni<Outcome> apply(Mutiny.Session session, EventHandler handler, IncomingRecord record, ReadEvent event,
                              boolean headOfLine) {
        return applyAll(session, handler, List.of(record), List.of(event), headOfLine).map(outcomes -> outcomes.get(0));
    }

    /** Applies records (with their decoded events, index for index) in order; the outcome of each. */
    public Uni<List<Outcome>> applyAll(Mutiny.Session session, EventHandler handler, List<IncomingRecord> records,
                                       List<ReadEvent> events, boolean headOfLine) {
        Set<UUID> aggregates = new LinkedHashSet<>(events.size() * 2);
        Set<UUID> own = new HashSet<>();
        OwnVersions versions = handler.ownVersions();
        for (ReadEvent event : events) {
            UUID aggregate = event.envelope().aggregateId();
            if (aggregates.add(aggregate) && versions != null && versions.keeps(event.envelope())) {
                own.add(aggregate);
            }
        }
        return checkpoints.lockAndRead(session, handler.name(), records, aggregates, own)
                .chain(streams -> own.isEmpty() ? Uni.createFrom().item(streams)
                        : versions.read(session, own).map(kept -> withOwnVersions(streams, own, kept)))
                .chain(streams -> sort(session, handler, records, events, headOfLine, streams, own));
    }

    /** The streams read, with the versions the handler keeps itself in place of the (unread) recorded ones. */
    private static Map<UUID, ConsumerCheckpoints.Stream> withOwnVersions(Map<UUID, ConsumerCheckpoints.Stream> streams,
                                                                          Set<UUID> own, Map<UUID, Long> kept) {
        Map<UUID, ConsumerCheckpoints.Stream> all = new HashMap<>(streams);
        for (UUID aggregate : own) {
            long held = streams.getOrDefault(aggregate, ConsumerCheckpoints.Stream.NEW).heldBehind();
            long version = kept.getOrDefault(aggregate, 0L);
            if (version > 0 || held > 0) {
                all.put(aggregate, new ConsumerCheckpoints.Stream(version, held));
            }
        }
        return all;
    }

    private Uni<List<Outcome>> sort(Mutiny.Session session, EventHandler handler, List<IncomingRecord> records,
                                    List<ReadEvent> events, boolean headOfLine,
                                    Map<UUID, ConsumerCheckpoints.Stream> streams, Set<UUID> own) {
        String consumer = handler.name();
        // Per aggregate that moves on: the version read and the version reached.
        Map<UUID, long[]> advanced = new HashMap<>();
        List<ReadEvent> toApply = new ArrayList<>(events.size());
        List<Outcome> outcomes = new ArrayList<>(events.size());
        Uni<Void> bookkeeping = Uni.createFrom().voidItem();
        for (int i = 0; i < events.size(); i++) {
            ReadEvent read = events.get(i);
            EventEnvelope event = read.envelope();
            IncomingRecord record = records.get(i);
            UUID aggregate = event.aggregateId();
            ConsumerCheckpoints.Stream stream = streams.getOrDefault(aggregate, ConsumerCheckpoints.Stream.NEW);
            long[] versions = advanced.get(aggregate);
            long last = versions == null ? stream.lastVersion() : versions[1];
            if (!headOfLine && stream.heldBehind() > 0) {
                bookkeeping = bookkeeping.chain(() -> letters.insert(session, consumer, record, event, DeadLetter.WAITING,
                        "waiting behind an earlier dead letter of aggregate " + aggregate));
                outcomes.add(Outcome.HELD);
            } else if (event.aggregateVersion() <= last) {
                outcomes.add(Outcome.DUPLICATE);
            } else {
                boolean firstRead = last == 0 && handler.startsMidStream();
                if (event.aggregateVersion() > last + 1 && !firstRead) {
                    LOG.warnf("%s: aggregate %s jumped from version %d to %d", consumer, aggregate, last,
                            event.aggregateVersion());
                    registry.counter("eventstore.consumer.gaps", "consumer", consumer).increment();
                    long expected = last + 1;
                    bookkeeping = bookkeeping.chain(() -> checkpoints.gap(session, consumer, event, expected));
                }
                if (versions == null) {
                    advanced.put(aggregate, new long[] {stream.lastVersion(), event.aggregateVersion()});
                } else {
                    versions[1] = event.aggregateVersion();
                }
                toApply.add(read);
                outcomes.add(Outcome.APPLIED);
            }
        }
        advanced.keySet().removeAll(own); // the handler records those with its change
        return bookkeeping.chain(() -> toApply.isEmpty() ? Uni.createFrom().voidItem() : handler.applyRead(session, toApply))
                .chain(() -> checkpoints.applied(session, consumer, advanced, records))
                .replaceWith(outcomes);
    }
}
