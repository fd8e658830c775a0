package io.hazardledger.eventstore;

import io.hazardledger.contracts.Actor;
import io.hazardledger.contracts.EventEnvelope;

/**
 * Who asks for a change and what it follows from: carried onto every event the change produces, so one
 * correlation id runs from the first HTTP request to the last projection.
 */
public record CommandContext(Actor actor, String correlationId, String causationId) {

    /** A service reacting to an event it consumed: same correlation, caused by that event. */
    public static CommandContext reactingTo(EventEnvelope cause, String service) {
        return new CommandContext(Actor.system(service), cause.correlationId(), cause.eventId().toString());
    }
}
