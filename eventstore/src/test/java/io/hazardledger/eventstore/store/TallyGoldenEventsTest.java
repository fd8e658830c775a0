package io.hazardledger.eventstore.store;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.eventstore.upcasting.UpcastingException;
import io.hazardledger.eventstore.EventTypes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stored version-1 golden events read as today's schema through the upcaster chain, without a database. */
class TallyGoldenEventsTest {
    private static final UUID TALLY = UUID.fromString("8c4e6f10-2d3a-4b5c-9e7f-0a1b2c3d4e5f");

    @Test
    void aVersion1TickIsReadAsVersion2() {
        EventEnvelope stored = GoldenEvents.read("tally-stream-v1.json").get(1);
        assertEquals(1, stored.schemaVersion());

        var ticked = TallyEvents.TYPES.payload(stored, TallyEvents.TallyTicked.class);

        assertEquals(new TallyEvents.TallyTicked(TALLY, 3, "piece"), ticked);
        EventEnvelope lifted = TallyEvents.TYPES.upcast(stored);
        assertEquals(2, lifted.schemaVersion());
        assertEquals(stored.eventId(), lifted.eventId());
        assertTrue(stored.payload().has("count"), "the stored envelope itself is left as it was");
    }

    @Test
    void theGoldenStreamReplaysIntoTheStateItDescribes() {
        List<EventEnvelope> stream = GoldenEvents.read("tally-stream-v1.json");
        var store = new EventStore(TallyEvents.TYPES, 3);

        var loaded = store.fold(new EventStore.Loaded<>(null, 0), stream, Tally::apply);

        assertEquals(new Tally(TALLY, "二号车间巡查", 3, 1), loaded.state());
        assertEquals(2, loaded.version());
    }

    @Test
    void withoutItsUpcasterTheOldTickIsRefusedNotMisread() {
        EventEnvelope stored = GoldenEvents.read("tally-stream-v1.json").get(1);
        var withoutHistory = EventTypes.PUBLISHED.plus(List.of(
                        new io.hazardledger.contracts.EventDescriptor("TallyTicked", TallyEvents.TOPIC, 2,
                                TallyEvents.TallyTicked.class)),
                List.of());

        var error = assertThrows(UpcastingException.class,
                () -> withoutHistory.payload(stored, TallyEvents.TallyTicked.class));
        assertTrue(error.getMessage().contains("TallyTicked v1 → v2"), error.getMessage());
    }
}
