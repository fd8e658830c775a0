package io.hazardledger.reporting.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events one client receives, in feed order: first those after where it starts (a reconnection's
 * Last-Event-ID), then every new one as it is appended. Everything is read by position, so replay and tail join
 * without a seam: nothing is lost or sent twice between them.
 */
@ApplicationScoped
public class LiveStream {
    private static final int BATCH = 500;

    @Inject
    LiveTail tail;
    @Inject
    LiveEventRepository repository;
    @Inject
    LiveFeedConfig config;

    /**
     * Where a client starts.
     *
     * @param cursor events after this position are sent
     * @param gap    true when events after the client's Last-Event-ID may be missing: pruned, or more than
     *               {@code reporting.live.replay-max} of them
     */
    public record Start(long cursor, boolean gap) {
    }

    /** After {@code lastEventId} when given; else after the newest {@code recent} events (0: only new ones). */
    public Uni<Start> start(Long lastEventId, int recent) {
        if (lastEventId != null) {
            return repository.cursorBeforeNewest(config.replayMax()).chain(backstop -> repository.first().map(first -> {
                boolean pruned = first != null && lastEventId + 1 < first;
                return new Start(Math.max(lastEventId, backstop), pruned || lastEventId < backstop);
            }));
        }
        if (recent > 0) {
            return repository.cursorBeforeNewest(recent).map(cursor -> new Start(cursor, false));
        }
        return tail.head().map(head -> new Start(head, false));
    }

    /** The events after {@code cursor} that pass {@code filter}, without end. */
    public Multi<LiveEvent> from(long cursor, LiveFilter filter) {
        AtomicLong position = new AtomicLong(cursor);
        return Multi.createBy().repeating()
                .uni(() -> next(position))
                .indefinitely()
                .onItem().<LiveEvent>disjoint()
                .select().where(filter::accepts);
    }

    private Uni<List<LiveEvent>> next(AtomicLong position) {
        CompletableFuture<Void> arrival = tail.nextArrival();
        return tail.after(position.get(), BATCH).chain(events -> {
            if (events.isEmpty()) {
                // Up to date: wait for the next arrival. On a copy, so that a client leaving cancels only its own.
                return Uni.createFrom().completionStage(arrival.copy()).replaceWith(events);
            }
            position.set(events.get(events.size() - 1).position());
            return Uni.createFrom().item(events);
        });
    }
}
