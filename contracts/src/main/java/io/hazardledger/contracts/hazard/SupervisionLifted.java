package io.hazardledger.contracts.hazard;

import io.hazardledger.contracts.DomainEvent;

import java.util.UUID;

/** Supervision was lifted (摘牌), by a regulator or because the hazard closed. */
public record SupervisionLifted(UUID hazardId, String reason) implements DomainEvent {
}
