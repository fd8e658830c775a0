package io.hazardledger.contracts.hazard;

import io.hazardledger.contracts.DomainEvent;

import java.time.LocalDate;
import java.util.UUID;

/** A regulator extended the rectification deadline; the original deadline stays on record. */
public record DeadlineExtended(UUID hazardId, LocalDate originalDeadline, LocalDate previousDeadline,
                               LocalDate newDeadline, String reason) implements DomainEvent {
}
