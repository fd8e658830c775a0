package io.hazardledger.eventstore.store;

import io.hazardledger.contracts.Actor;
import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.eventstore.CommandContext;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.NewEvent;
import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.testing.OnVertxContext;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Loading aggregates on PostgreSQL: golden events of an older schema, snapshots and their revisions, and loads
 * "as of" an instant, with the test-only {@link Tally} aggregate ({@code eventstore.snapshots.every=3} here).
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AggregateLoadingTest {
    private static final AggregateType<Tally> TALLIES =
            new AggregateType<>(Tally.STREAM_TYPE, "Tally", null, Tally::apply);
    private static final AggregateType<Tally> SNAPSHOTTED = TALLIES.snapshotted(SnapshotPolicy.of(Tally.class, 1));
    /** The same aggregate after its snapshot format changed. */
    private static final AggregateType<Tally> SNAPSHOTTED_REVISION_2 =
            TALLIES.snapshotted(SnapshotPolicy.of(Tally.class, 2));
    private static final CommandContext CONTEXT = new CommandContext(new Actor("inspector-7", "inspector"), "corr-tally", null);

    @Inject
    Transactions transactions;
    @Inject
    SnapshotConfig config;

    private EventStore store;

    @BeforeEach
    void storeWithTheTallyEvents() {
        store = new EventStore(TallyEvents.TYPES, config.every());
    }

    @Test
    void aStoredVersion1GoldenEventIsReadAsVersion2() {
        List<EventEnvelope> golden = GoldenEvents.read("tally-stream-v1.json");
        UUID id = golden.get(0).aggregateId();
        write(session -> GoldenEvents.store(session, Tally.STREAM_TYPE, golden.get(0))
                .chain(() -> GoldenEvents.store(session, Tally.STREAM_TYPE, golden.get(1))));

        EventEnvelope ticked = read(session -> store.load(session, id)).get(1);
        assertEquals(2, ticked.schemaVersion());
        assertEquals(EventCodec.readTree("{\"tallyId\":\"" + id + "\",\"amount\":3,\"unit\":\"piece\"}"), ticked.payload());
        assertEquals(new EventStore.Loaded<>(new Tally(id, "二号车间巡查", 3, 1), 2),
                read(session -> TALLIES.load(store, session, id)));
        Integer storedSchemaVersion = read(session -> session.createNativeQuery(
                        "SELECT schema_version FROM es_event WHERE event_id = :eventId", Integer.class)
                .setParameter("eventId", ticked.eventId()).getSingleResult());
        assertEquals(1, storedSchemaVersion, "the stored event is never rewritten");

        // Today's events follow the old ones in the same stream.
        assertEquals(new EventStore.Loaded<>(new Tally(id, "二号车间巡查", 7, 2), 3), tick(TALLIES, id, 4));
        assertEquals(2, read(session -> store.load(session, id)).get(2).schemaVersion());
    }

    @Test
    void aSnapshotPlusTheEventsAfterItGivesTheStateOfAFullReplay() {
        UUID id = open(SNAPSHOTTED);
        for (int amount = 1; amount <= 7; amount++) {
            tick(SNAPSHOTTED, id, amount);
        }

        // Snapshots were taken when the stream crossed versions 3 and 6; the latest replaced the first.
        assertEquals(new SnapshotRow(6, 1, new Tally(id, "tally", 15, 5)), snapshotOf(id));
        var fullReplay = read(session -> store.load(session, id, null, Tally::apply));
        assertEquals(new EventStore.Loaded<>(new Tally(id, "tally", 28, 7), 8), fullReplay);
        assertEquals(fullReplay, read(session -> SNAPSHOTTED.load(store, session, id)));

        // The load did start from the snapshot: altered, it shows through, with events 7 and 8 folded on top.
        overwriteSnapshot(id, 6, 1, new Tally(id, "tally", 1015, 5));
        assertEquals(new EventStore.Loaded<>(new Tally(id, "tally", 1028, 7), 8),
                read(session -> SNAPSHOTTED.load(store, session, id)));
    }

    @Test
    void aCommandWhoseEventsCrossTheIntervalLeavesASnapshot() {
        UUID id = UUID.randomUUID();
        write(session -> SNAPSHOTTED.create(store, session, id, List.of(
                event(new TallyEvents.TallyOpened(id, "tally")),
                event(new TallyEvents.TallyTicked(id, 2, "piece")),
                event(new TallyEvents.TallyTicked(id, 5, "piece")),
                event(new TallyEvents.TallyTicked(id, 1, "piece"))), CONTEXT));

        assertEquals(new SnapshotRow(4, 1, new Tally(id, "tally", 8, 3)), snapshotOf(id));
    }

    @Test
    void aSnapshotOfAnOlderRevisionIsIgnoredAndReplacedByTheNextCommand() {
        UUID id = open(SNAPSHOTTED);
        tick(SNAPSHOTTED, id, 1);
        tick(SNAPSHOTTED, id, 2);
        tick(SNAPSHOTTED, id, 3);
        // Older code's snapshot, at the stream's head, in a format that now means something else.
        overwriteSnapshot(id, 4, 1, new Tally(id, "tally", 999, 99));
        assertEquals(999, read(session -> SNAPSHOTTED.load(store, session, id)).state().total(),
                "to the code of its own revision the snapshot is good");

        var loaded = read(session -> SNAPSHOTTED_REVISION_2.load(store, session, id));

        assertEquals(new EventStore.Loaded<>(new Tally(id, "tally", 6, 3), 4), loaded);
        // Version 5 crosses no multiple of 3, yet the command had to replay a whole interval: a fresh snapshot.
        assertEquals(new EventStore.Loaded<>(new Tally(id, "tally", 10, 4), 5), tick(SNAPSHOTTED_REVISION_2, id, 4));
        assertEquals(new SnapshotRow(5, 2, new Tally(id, "tally", 10, 4)), snapshotOf(id));
    }

    @Test
    void anAsOfLoadReturnsTheStateAtThatInstant() throws InterruptedException {
        // A snapshot after every command, so the latest always holds events later than the instants asked for.
        AggregateType<Tally> tallies = TALLIES.snapshotted(SnapshotPolicy.of(Tally.class, 1).every(1));
        Instant beforeTheStream = Instant.now();
        Thread.sleep(5);
        UUID id = open(tallies);
        tick(tallies, id, 2);
        Instant afterTheFirstTick = Instant.now();
        Thread.sleep(5);
        tick(tallies, id, 5);
        assertEquals(3, snapshotOf(id).version());

        assertEquals(new EventStore.Loaded<>(new Tally(id, "tally", 2, 1), 2),
                read(session -> tallies.loadAsOf(store, session, id, afterTheFirstTick)));
        assertEquals(new EventStore.Loaded<>(new Tally(id, "tally", 7, 2), 3),
                read(session -> tallies.loadAsOf(store, session, id, Instant.now())));
        var notYet = read(session -> tallies.loadAsOf(store, session, id, beforeTheStream));
        assertFalse(notYet.exists());
        assertNull(notYet.state());
    }

    private UUID open(AggregateType<Tally> type) {
        UUID id = UUID.randomUUID();
        write(session -> type.create(store, session, id, List.of(event(new TallyEvents.TallyOpened(id, "tally"))), CONTEXT));
        return id;
    }

    private EventStore.Loaded<Tally> tick(AggregateType<Tally> type, UUID id, int amount) {
        return write(session -> type.update(store, session, id, null,
                state -> List.of(event(new TallyEvents.TallyTicked(id, amount, "piece"))), CONTEXT));
    }

    private static NewEvent event(DomainEvent payload) {
        return new NewEvent(payload, null, null);
    }

    private void overwriteSnapshot(UUID id, long version, int revision, Tally state) {
        write(session -> store.snapshots().write(session, Tally.STREAM_TYPE, id, new EventStore.Loaded<>(state, version),
                SnapshotPolicy.of(Tally.class, revision)));
    }

    private SnapshotRow snapshotOf(UUID id) {
        Object[] row = read(session -> session.createNativeQuery(
                        "SELECT version, revision, cast(state AS text) FROM es_snapshot WHERE stream_id = :id", Object[].class)
                .setParameter("id", id).getSingleResult());
        return new SnapshotRow(((Number) row[0]).longValue(), ((Number) row[1]).intValue(),
                SnapshotPolicy.of(Tally.class, 0).read((String) row[2]));
    }

    private record SnapshotRow(long version, int revision, Tally state) {
    }

    private <T> T write(Function<Mutiny.Session, Uni<T>> work) {
        return OnVertxContext.await(() -> transactions.inTransaction(work));
    }

    private <T> T read(Function<Mutiny.Session, Uni<T>> work) {
        return OnVertxContext.await(() -> transactions.read(work));
    }
}
