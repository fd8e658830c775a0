package io.hazardledger.reporting.persistence;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.HazardVoided;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.consumer.CheckpointMoved;
import io.hazardledger.eventstore.consumer.ReadEvent;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.eventstore.testing.TopicWriter;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A hazard's row is its checkpoint: written with the version of its last event, read back as the hazard's version,
 * and never moved back. A write that finds the row already at its version or beyond (another transaction applied
 * those events meanwhile) changes nothing and fails as {@link CheckpointMoved}, so the batch is read again.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class HazardRowVersionTest {
    @Inject
    Transactions transactions;
    @Inject
    Generations generations;

    private static ReadEvent event(UUID hazard, long version, DomainEvent payload) {
        return ReadEvent.of(TopicWriter.envelope(payload, hazard, version, "370786", null, "c"));
    }

    private void apply(int g, List<ReadEvent> events) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> transactions.inTransaction(s -> HazardRows.applyAll(s, g, events)));
    }

    private Map<UUID, Long> versions(int g, UUID hazard) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> transactions.read(s -> HazardRows.versions(s, g, List.of(hazard))));
    }

    @Test
    void aRowCarriesItsLastEventsVersionAndIsNeverMovedBack() throws Throwable {
        int g = 800_000 + (int) (System.nanoTime() % 100_000);
        UnfedGeneration.create(transactions, g);
        try {
            UUID hazard = UUID.randomUUID();
            HazardFound found = new HazardFound(hazard, UUID.randomUUID(), "370786", null, "26", HazardSource.SELF_CHECK,
                    "隐患", null, null, HazardCategory.values()[0], Severity.GENERAL, null, null, List.of(), null, null,
                    Instant.parse("2026-03-01T00:00:00Z"));
            apply(g, List.of(event(hazard, 1, found), event(hazard, 2, new HazardVoided(hazard, "重复登记"))));
            assertEquals(Map.of(hazard, 2L), versions(g, hazard));

            // Version 2 again, as a transaction would that read the row before another wrote it.
            var moved = assertThrows(Throwable.class, () -> apply(g, List.of(event(hazard, 2, new HazardVoided(hazard, "再次")))));
            assertInstanceOf(CheckpointMoved.class, rootOf(moved), moved.toString());
            assertEquals(Map.of(hazard, 2L), versions(g, hazard), "the row kept its version");

            apply(g, List.of(event(hazard, 3, new HazardVoided(hazard, "第三次"))));
            assertEquals(Map.of(hazard, 3L), versions(g, hazard));
        } finally {
            VertxContextSupport.subscribeAndAwait(() -> generations.drop(g));
        }
    }

    /** The CheckpointMoved among the causes, or the deepest cause. */
    private static Throwable rootOf(Throwable t) {
        Throwable cause = t;
        while (!(cause instanceof CheckpointMoved) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
