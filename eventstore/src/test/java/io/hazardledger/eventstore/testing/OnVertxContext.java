package io.hazardledger.eventstore.testing;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs reactive work from a test thread on a fresh, safe Vert.x sub-context, as a request would run, and waits for
 * it: Hibernate Reactive sessions refuse to open anywhere else.
 */
public final class OnVertxContext {
    private static final long TIMEOUT_SECONDS = 30;

    private OnVertxContext() {
    }

    /** The item of {@code work}; its failure is rethrown as is when unchecked. */
    public static <T> T await(Supplier<Uni<T>> work) {
        Vertx vertx = Arc.container().instance(Vertx.class).get();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("No result within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
