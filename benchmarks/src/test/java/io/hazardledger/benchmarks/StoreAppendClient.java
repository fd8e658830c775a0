package io.hazardledger.benchmarks;

import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.store.ConcurrencyConflictException;
import io.hazardledger.eventstore.store.EventStore;
import io.hazardledger.eventstore.testing.StoreFixtures;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Appends the way the services do: {@link Transactions#inTransaction} around {@link EventStore#append} (event and
 * outbox row, version checked by the database), through Hibernate Reactive and the Quarkus reactive pool. The
 * command's retry is the one of {@code inTransaction}; only a retried attempt reads the stream's version.
 */
final class StoreAppendClient implements AppendClient {
    static final String STREAM_TYPE = "bench";
    // Not max(version): see JdbcAppendClient.STREAM_VERSION.
    private static final String STREAM_VERSION =
            "SELECT version FROM es_event WHERE stream_id = :streamId ORDER BY version DESC LIMIT 1";

    private final Transactions transactions;
    private final EventStore store;

    StoreAppendClient(Transactions transactions, EventStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    @Override
    public Appended append(UUID stream, long expectedVersion) {
        AtomicInteger attempts = new AtomicInteger();
        try {
            long written = VertxContextSupport.subscribeAndAwait(() -> transactions.inTransaction(session -> {
                Uni<Long> expected = attempts.getAndIncrement() == 0
                        ? Uni.createFrom().item(expectedVersion)
                        : currentVersion(session, stream);
                return expected.chain(version -> store.append(session, STREAM_TYPE, stream, version,
                                List.of(StoreFixtures.event(stream)), StoreFixtures.CONTEXT))
                        .map(appended -> appended.get(0).aggregateVersion());
            }));
            return new Appended(written, attempts.get() - 1);
        } catch (ConcurrencyConflictException e) {
            return Appended.gaveUp(attempts.get());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Uni<Long> currentVersion(Mutiny.Session session, UUID stream) {
        return session.createNativeQuery(STREAM_VERSION, Long.class)
                .setParameter("streamId", stream)
                .getResultList()
                .map(versions -> versions.isEmpty() ? 0L : versions.get(0));
    }
}
