package io.hazardledger.eventstore.testing;

import io.hazardledger.contracts.Actor;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.inspection.InspectionStarted;
import io.hazardledger.eventstore.CommandContext;
import io.hazardledger.eventstore.NewEvent;
import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.store.EventStore;
import io.quarkus.vertx.VertxContextSupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

/** Appends and raw connections for tests of the store machinery. */
public final class StoreFixtures {
    public static final CommandContext CONTEXT = new CommandContext(new Actor("test", "test"), "corr-test", "test");

    private StoreFixtures() {
    }

    /** One small catalogue event for stream {@code streamId}. */
    public static NewEvent event(UUID streamId) {
        return new NewEvent(new InspectionStarted(streamId, Instant.now()), "370000", null);
    }

    /** Runs a reactive call on a Vert.x context from a test thread and waits; its failure is thrown as is. */
    public static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(call);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends in a transaction of its own, from any thread, and waits for the commit. */
    public static List<EventEnvelope> append(Transactions transactions, EventStore store, UUID streamId, long expected,
                                             int count) {
        List<NewEvent> events = java.util.stream.IntStream.range(0, count).mapToObj(i -> event(streamId)).toList();
        return await(() -> transactions.inTransaction(
                session -> store.append(session, "test", streamId, expected, events, CONTEXT)));
    }

    /** A plain JDBC connection to the test database, for writers the test controls statement by statement. */
    public static Connection jdbc() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
