package io.hazardledger.contracts.enterprise;

import io.hazardledger.contracts.DomainEvent;

import java.util.UUID;

/** The operating status of an enterprise changed, e.g. ACTIVE → SUSPENDED (停产整顿) on a suspension order. */
public record EnterpriseStatusChanged(UUID enterpriseId, EnterpriseStatus from, EnterpriseStatus to, String reason)
        implements DomainEvent {
}
