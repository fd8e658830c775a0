package io.hazardledger.contracts.hazard;

import io.hazardledger.contracts.DomainEvent;

import java.util.UUID;

/** A regulator voided a false report (已撤销); the hazard leaves every count. */
public record HazardVoided(UUID hazardId, String reason) implements DomainEvent {
}
