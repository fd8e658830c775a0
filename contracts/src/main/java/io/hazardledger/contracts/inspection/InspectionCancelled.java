package io.hazardledger.contracts.inspection;

import io.hazardledger.contracts.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** The inspection was called off before it was completed. */
public record InspectionCancelled(UUID inspectionId, String reason, Instant cancelledAt) implements DomainEvent {
}
