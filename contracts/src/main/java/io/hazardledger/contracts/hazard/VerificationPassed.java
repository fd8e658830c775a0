package io.hazardledger.contracts.hazard;

import io.hazardledger.contracts.DomainEvent;

import java.util.UUID;

/** The rectification was verified on site (验收通过). */
public record VerificationPassed(UUID hazardId, String comment) implements DomainEvent {
}
