package io.hazardledger.contracts.hazard;

import io.hazardledger.contracts.DomainEvent;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The hazard was closed (销号). {@code onTime}: closed on or before {@code deadlineInForce} (the deadline after any
 * extension, in the reporting calendar); {@code originalDeadline} lets statistics use the first one instead.
 */
public record HazardClosed(UUID hazardId, java.time.Instant closedAt, LocalDate deadlineInForce, LocalDate originalDeadline,
                           boolean onTime)
        implements DomainEvent {
}
