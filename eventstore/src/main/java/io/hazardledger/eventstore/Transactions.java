package io.hazardledger.eventstore;

import io.hazardledger.eventstore.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.function.Function;

/**
 * The one way services change state: a reactive transaction around aggregate events, outbox rows and read
 * models together. After the commit the outbox relay is woken, so events reach Kafka without waiting for a poll.
 */
@ApplicationScoped
public class Transactions {
    private final Mutiny.SessionFactory sessionFactory;
    private final OutboxRelay relay;

    @Inject
    public Transactions(Mutiny.SessionFactory sessionFactory, OutboxRelay relay) {
        this.sessionFactory = sessionFactory;
        this.relay = relay;
    }

    public <T> Uni<T> inTransaction(Function<Mutiny.Session, Uni<T>> work) {
        return sessionFactory.withTransaction((session, tx) -> work.apply(session)).invoke(relay::wakeUp);
    }

    /** Reads in a session without a transaction of their own. */
    public <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> work) {
        return sessionFactory.withSession(work);
    }
}
