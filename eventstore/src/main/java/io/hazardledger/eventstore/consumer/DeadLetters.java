package io.hazardledger.eventstore.consumer;

import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * What operators do with dead letters: list them, retry a parked one (after fixing its cause) or discard it.
 * Either way the events that waited behind it are then applied in order, until one fails and is parked in turn.
 */
@ApplicationScoped
public class DeadLetters {
    @Inject
    Transactions transactions;
    @Inject
    DeadLetterStore letters;
    @Inject
    OrderedApplier applier;
    @Inject
    @Any
    Instance<EventHandler> handlers;

    /** The result of a retry or discard: how many waiting events followed, and which letter now heads the line. */
    public record Resolution(long id, String status, int released, Long parkedAgain) {
    }

    public Uni<List<DeadLetter>> list(String status, String consumer, int page, int size) {
        return transactions.read(session -> letters.list(session, status, consumer, page, size));
    }

    public Uni<DeadLetter> find(long id) {
        return transactions.read(session -> letters.find(session, id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Dead letter", id));
    }

    public Uni<Resolution> retry(long id) {
        return parked(id).chain(letter -> {
            EventHandler handler = handler(letter.consumer());
            ReadEvent event = readable(letter);
            return transactions.inTransaction(session -> applier.apply(session, handler, letter.record(), event, true)
                            .chain(() -> letters.resolve(session, id, DeadLetter.RETRIED)))
                    .onFailure(failure -> !(failure instanceof ProblemException) && !TransientFailures.isTransient(failure))
                    .recoverWithUni(failure -> transactions.inTransaction(session -> letters.parkAgain(session, id,
                                    failure.getClass().getSimpleName() + ": " + failure.getMessage()))
                            .chain(() -> Uni.createFrom().failure(ProblemException.conflict("dead-letter-still-fails",
                                    "Dead letter " + id + " still cannot be applied: " + failure.getMessage()))))
                    .chain(() -> release(handler, letter.aggregateId()))
                    .map(release -> new Resolution(id, DeadLetter.RETRIED, release.released(), release.parkedAgain()));
        });
    }

    public Uni<Resolution> discard(long id) {
        return parked(id).chain(letter -> transactions.inTransaction(session -> letters.resolve(session, id, DeadLetter.DISCARDED))
                .chain(() -> letter.aggregateId() == null ? Uni.createFrom().item(new Release(0, null))
                        : release(handler(letter.consumer()), letter.aggregateId()))
                .map(release -> new Resolution(id, DeadLetter.DISCARDED, release.released(), release.parkedAgain())));
    }

    private record Release(int released, Long parkedAgain) {
    }

    /** Applies the letters waiting on the aggregate, oldest first, until none is left or one fails. */
    private Uni<Release> release(EventHandler handler, UUID aggregateId) {
        return releaseFrom(handler, aggregateId, 0);
    }

    private Uni<Release> releaseFrom(EventHandler handler, UUID aggregateId, int releasedSoFar) {
        if (aggregateId == null) {
            return Uni.createFrom().item(new Release(releasedSoFar, null));
        }
        return transactions.read(session -> letters.nextOpen(session, handler.name(), aggregateId)).chain(next -> {
            if (next == null) {
                return Uni.createFrom().item(new Release(releasedSoFar, null));
            }
            if (DeadLetter.PARKED.equals(next.status())) {
                return Uni.createFrom().item(new Release(releasedSoFar, next.id()));
            }
            return transactions.inTransaction(session -> applier.apply(session, handler, next.record(),
                            ReadEvent.of(EventCodec.readEnvelope(next.value())), true)
                            .chain(() -> letters.resolve(session, next.id(), DeadLetter.RETRIED)))
                    .replaceWith(true)
                    .onFailure(failure -> !TransientFailures.isTransient(failure))
                    .recoverWithUni(failure -> transactions.inTransaction(session -> letters.parkAgain(session, next.id(),
                            failure.getClass().getSimpleName() + ": " + failure.getMessage())).replaceWith(false))
                    .chain(applied -> applied ? releaseFrom(handler, aggregateId, releasedSoFar + 1)
                            : Uni.createFrom().item(new Release(releasedSoFar, next.id())));
        });
    }

    private Uni<DeadLetter> parked(long id) {
        return find(id).invoke(letter -> {
            if (!DeadLetter.PARKED.equals(letter.status())) {
                throw ProblemException.conflict("dead-letter-not-parked", "Dead letter " + id + " is " + letter.status()
                        + "; only a PARKED letter can be retried or discarded (a WAITING one follows its PARKED head)");
            }
        });
    }

    private EventHandler handler(String name) {
        return handlers.stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> ProblemException.conflict("no-such-consumer", "No consumer named " + name + " in this service"));
    }

    private static ReadEvent readable(DeadLetter letter) {
        try {
            return ReadEvent.of(EventCodec.readEnvelope(letter.value()));
        } catch (RuntimeException e) {
            throw ProblemException.conflict("dead-letter-unreadable", "Dead letter " + letter.id()
                    + " is still not a readable event (" + e.getMessage() + "); it can only be discarded");
        }
    }
}
