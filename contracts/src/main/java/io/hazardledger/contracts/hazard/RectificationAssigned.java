package io.hazardledger.contracts.hazard;

import io.hazardledger.contracts.DomainEvent;

import java.util.UUID;

/** Responsibility for rectification was assigned (整改责任落实): the plan, with its deadline. */
public record RectificationAssigned(UUID hazardId, RectificationPlan plan) implements DomainEvent {
}
