package io.hazardledger.eventstore.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventDescriptor;
import io.hazardledger.contracts.Upcaster;
import io.hazardledger.eventstore.EventTypes;

import java.util.List;
import java.util.UUID;

/**
 * The test-only events of {@link Tally}, added to the published language. {@code TallyTicked} changed its schema
 * once: version 1 counted whole pieces ({@code count}); version 2 carries an {@code amount} and its {@code unit}.
 */
final class TallyEvents {
    static final String TOPIC = "eventstore-test-events";

    record TallyOpened(UUID tallyId, String name) implements DomainEvent {
    }

    record TallyTicked(UUID tallyId, int amount, String unit) implements DomainEvent {
    }

    static final Upcaster TICKED_V1_TO_V2 = new Upcaster("TallyTicked", 1, payload -> {
        ObjectNode lifted = (ObjectNode) payload;
        lifted.set("amount", lifted.remove("count"));
        lifted.put("unit", "piece");
        return lifted;
    });

    static final EventTypes TYPES = EventTypes.PUBLISHED.plus(List.of(
                    new EventDescriptor("TallyOpened", TOPIC, 1, TallyOpened.class),
                    new EventDescriptor("TallyTicked", TOPIC, 2, TallyTicked.class)),
            List.of(TICKED_V1_TO_V2));

    private TallyEvents() {
    }
}
