package io.hazardledger.eventstore.store;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.eventstore.CommandContext;
import io.hazardledger.eventstore.NewEvent;
import io.hazardledger.eventstore.http.ProblemException;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One kind of event-sourced aggregate: how its stream is named and replayed, and the load → decide → append cycle
 * every command goes through, with the optimistic-concurrency checks of the REST contract.
 * <p>
 * With a {@link SnapshotPolicy} ({@link #snapshotted}), loading starts from the stream's latest snapshot of the
 * policy's revision and replays only the events after it; a command whose append crosses a multiple of the
 * policy's interval, or that had to replay a whole interval (no snapshot yet, or one of another revision),
 * writes a new snapshot in its transaction.
 *
 * @param streamType stored with each event, e.g. {@code hazard}
 * @param name       how the REST layer names it in a 404
 * @param empty      the state before the first event
 * @param apply      folds one event into the state
 * @param snapshots  how its state is snapshotted; {@code null}: never, every load replays the whole stream
 */
public record AggregateType<A>(String streamType, String name, A empty, BiFunction<A, DomainEvent, A> apply,
                               SnapshotPolicy<A> snapshots) {

    /** An aggregate type that is never snapshotted. */
    public AggregateType(String streamType, String name, A empty, BiFunction<A, DomainEvent, A> apply) {
        this(streamType, name, empty, apply, null);
    }

    /** The same aggregate type, snapshotted as {@code policy} says. */
    public AggregateType<A> snapshotted(SnapshotPolicy<A> policy) {
        return new AggregateType<>(streamType, name, empty, apply, policy);
    }

    /** The current state; version 0 means the stream does not exist. */
    public Uni<EventStore.Loaded<A>> load(EventStore store, Mutiny.Session session, UUID id) {
        return restore(store, session, id).map(Restored::loaded);
    }

    /**
     * The state as it stood at {@code asOf}, from the events that had occurred by then; version 0 means the
     * stream did not exist yet. Replays from the first event: a snapshot may hold later events.
     */
    public Uni<EventStore.Loaded<A>> loadAsOf(EventStore store, Mutiny.Session session, UUID id, Instant asOf) {
        return store.loadAsOf(session, id, asOf, empty, apply);
    }

    /** Starts a new stream; a stream that already exists is a conflict. */
    public Uni<EventStore.Loaded<A>> create(EventStore store, Mutiny.Session session, UUID id, List<NewEvent> events,
                                            CommandContext context) {
        Restored<A> nothing = new Restored<>(new EventStore.Loaded<>(empty, 0), 0);
        return store.append(session, streamType, id, 0, events, context)
                .map(appended -> store.fold(nothing.loaded(), appended, apply))
                .call(created -> snapshotIfDue(store, session, id, nothing, created));
    }

    /**
     * Loads the aggregate (404 when missing), checks {@code ifMatch} against its version (412 when stale), lets
     * {@code decide} choose the events and appends them after the version it decided on. A writer that got there
     * first makes it a 412 when the client named a version, else a {@link ConcurrencyConflictException} that
     * {@code Transactions} answers by deciding again.
     */
    public Uni<EventStore.Loaded<A>> update(EventStore store, Mutiny.Session session, UUID id, Long ifMatch,
                                            Function<A, List<NewEvent>> decide, CommandContext context) {
        return restore(store, session, id).chain(restored -> {
            EventStore.Loaded<A> loaded = restored.loaded();
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
                    .map(appended -> store.fold(loaded, appended, apply))
                    .call(updated -> snapshotIfDue(store, session, id, restored, updated));
        });
    }

    private Uni<Restored<A>> restore(EventStore store, Mutiny.Session session, UUID id) {
        EventStore.Loaded<A> nothing = new EventStore.Loaded<>(empty, 0);
        if (snapshots == null) {
            return store.replayAfter(session, id, nothing, apply).map(loaded -> new Restored<>(loaded, 0));
        }
        return store.snapshots().read(session, streamType, id, snapshots).chain(snapshot -> {
            EventStore.Loaded<A> from = snapshot.orElse(nothing);
            return store.replayAfter(session, id, from, apply).map(loaded -> new Restored<>(loaded, from.version()));
        });
    }

    private Uni<Void> snapshotIfDue(EventStore store, Mutiny.Session session, UUID id, Restored<A> before,
                                    EventStore.Loaded<A> after) {
        if (snapshots == null || after.state() == null) {
            return Uni.createFrom().voidItem();
        }
        long every = store.snapshots().every(snapshots);
        boolean crossed = after.version() / every > before.loaded().version() / every;
        boolean replayedAnInterval = before.loaded().version() - before.snapshotVersion() >= every;
        return crossed || replayedAnInterval
                ? store.snapshots().write(session, streamType, id, after, snapshots)
                : Uni.createFrom().voidItem();
    }

    /** A loaded state and the version of the snapshot it started from (0: replayed from the first event). */
    private record Restored<A>(EventStore.Loaded<A> loaded, long snapshotVersion) {
    }
}
