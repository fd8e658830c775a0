package io.hazardledger.eventstore.store;

import io.hazardledger.contracts.DomainEvent;

import java.util.UUID;

/** A test-only aggregate: a named running total, ticked by amounts. */
record Tally(UUID id, String name, int total, int ticks) {
    static final String STREAM_TYPE = "tally";

    static Tally apply(Tally state, DomainEvent event) {
        if (event instanceof TallyEvents.TallyOpened opened) {
            return new Tally(opened.tallyId(), opened.name(), 0, 0);
        }
        if (event instanceof TallyEvents.TallyTicked ticked) {
            return new Tally(state.id, state.name, state.total + ticked.amount(), state.ticks + 1);
        }
        return state;
    }
}
