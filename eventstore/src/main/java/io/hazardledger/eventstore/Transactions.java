package io.hazardledger.eventstore;

import io.hazardledger.eventstore.http.IdempotentCommit;
import io.hazardledger.eventstore.outbox.OutboxRelay;
import io.hazardledger.eventstore.store.ConcurrencyConflictException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.function.Function;

/**
 * The one way services change state: a reactive transaction around aggregate events, outbox rows and read
 * models together, and the mark of the request's {@code Idempotency-Key} ({@link IdempotentCommit}). After the
 * commit the outbox relay is woken, so events reach Kafka without waiting for a poll.
 */
@ApplicationScoped
public class Transactions {
    public static final int CONFLICT_RETRIES = 5;
    private final Mutiny.SessionFactory sessionFactory;
    private final OutboxRelay relay;

    @Inject
    public Transactions(Mutiny.SessionFactory sessionFactory, OutboxRelay relay) {
        this.sessionFactory = sessionFactory;
        this.relay = relay;
    }

    /**
     * Runs {@code work} in a new transaction. A lost race on a stream re-runs the whole transaction (up to
     * {@value #CONFLICT_RETRIES} times): the command is decided again on the state the winner left, which is safe
     * because every decision re-checks its rules. Commands sent with {@code If-Match} never get here with a
     * conflict: theirs is answered 412.
     */
    public <T> Uni<T> inTransaction(Function<Mutiny.Session, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> sessionFactory.withTransaction((session, tx) -> work.apply(session)
                        .call(() -> IdempotentCommit.mark(session))))
                .onFailure(ConcurrencyConflictException.class).retry().atMost(CONFLICT_RETRIES)
                .invoke(relay::wakeUp);
    }

    /** Reads in a session without a transaction of their own. */
    public <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> work) {
        return sessionFactory.withSession(work);
    }
}
