package io.hazardledger.contracts.hazard;

import io.hazardledger.contracts.DomainEvent;

import java.util.UUID;

/** Verification failed; the hazard goes back to rectification ({@code reworkCount} times so far). */
public record VerificationFailed(UUID hazardId, String reason, int reworkCount) implements DomainEvent {
}
