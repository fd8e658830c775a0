package io.hazardledger.contracts.inspection;

import io.hazardledger.contracts.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** Inspectors arrived on site; findings may now be recorded. */
public record InspectionStarted(UUID inspectionId, Instant startedAt) implements DomainEvent {
}
