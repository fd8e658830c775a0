package io.hazardledger.eventstore.http;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Optional;

/**
 * Ties an {@code Idempotency-Key} to the transaction of its command: the key held by the request now running (kept
 * in the request's context) is marked committed inside that transaction, so the mark exists exactly when the
 * command's events do. {@link IdempotencyKeys} then never runs such a command twice, even if its answer was lost.
 */
public final class IdempotentCommit {
    private static final String KEY = IdempotentCommit.class.getName();

    private IdempotentCommit() {
    }

    /** The request on this context holds {@code key} from now on. */
    static void hold(String key) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(KEY, key);
        }
    }

    /** Marks the key of the request on this context, if it holds one, as committed: call inside the transaction. */
    public static Uni<Void> mark(Mutiny.Session session) {
        Optional<String> key = VertxContext.isOnDuplicatedContext() ? ContextLocals.get(KEY) : Optional.empty();
        if (key.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery(
                        "UPDATE es_idempotency SET committed_at = clock_timestamp() WHERE idempotency_key = :key")
                .setParameter("key", key.get())
                .executeUpdate()
                .replaceWithVoid();
    }
}
