package io.hazardledger.eventstore.store;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.eventstore.CommandContext;
import io.hazardledger.eventstore.NewEvent;
import io.hazardledger.eventstore.http.ProblemException;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One kind of event-sourced aggregate: how its stream is named and replayed, and the load → decide → append cycle
 * every command goes through, with the optimistic-concurrency checks of the REST contract.
 *
 * @param streamType stored with each event, e.g. {@code hazard}
 * @param empty      the state before the first event
 * @param apply      folds one event into the state
 * @param name       how the REST layer names it in a 404
 */
public record AggregateType<A>(String streamType, String name, A empty, BiFunction<A, DomainEvent, A> apply) {

    public Uni<EventStore.Loaded<A>> load(EventStore store, Mutiny.Session session, UUID id) {
        return store.load(session, id, empty, apply);
    }

    /** Starts a new stream; a stream that already exists is a conflict. */
    public Uni<EventStore.Loaded<A>> create(EventStore store, Mutiny.Session session, UUID id, List<NewEvent> events,
                                            CommandContext context) {
        return store.append(session, streamType, id, 0, events, context).map(appended -> replay(empty, 0, appended));
    }

    /**
     * Loads the aggregate (404 when missing), checks {@code ifMatch} against its version (412 when stale), lets
     * {@code decide} choose the events and appends them after the version it decided on. A writer that got there
     * first makes it a 412 when the client named a version, else a {@link ConcurrencyConflictException} that
     * {@code Transactions} answers by deciding again.
     */
    public Uni<EventStore.Loaded<A>> update(EventStore store, Mutiny.Session session, UUID id, Long ifMatch,
                                            Function<A, List<NewEvent>> decide, CommandContext context) {
        return load(store, session, id).chain(loaded -> {
            if (!loaded.exists()) {
                return Uni.createFrom().failure(ProblemException.notFound(name, id));
            }
            if (ifMatch != null && ifMatch != loaded.version()) {
                return Uni.createFrom().failure(ProblemException.preconditionFailed(name, id, ifMatch, loaded.version()));
            }
            List<NewEvent> events = decide.apply(loaded.state());
            return store.append(session, streamType, id, loaded.version(), events, context)
                    .onFailure(ConcurrencyConflictException.class).transform(conflict -> ifMatch == null ? conflict
                            : ProblemException.overtaken(name, id, ifMatch))
                    .map(appended -> replay(loaded.state(), loaded.version(), appended));
        });
    }

    private EventStore.Loaded<A> replay(A state, long version, List<io.hazardledger.contracts.EventEnvelope> appended) {
        A next = state;
        for (var event : appended) {
            next = apply.apply(next, io.hazardledger.eventstore.EventCodec.payload(event));
        }
        return new EventStore.Loaded<>(next, version + appended.size());
    }
}
