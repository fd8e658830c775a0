package io.hazardledger.contracts.hazard;

import io.hazardledger.contracts.DomainEvent;

import java.time.LocalDate;
import java.util.UUID;

/** The deadline in force passed while the hazard was still being rectified; once per deadline. */
public record HazardOverdue(UUID hazardId, LocalDate deadline) implements DomainEvent {
}
