package io.hazardledger.contracts.enterprise;

import io.hazardledger.contracts.DomainEvent;

import java.util.UUID;

/** The enterprise was taken off the blacklist (移出黑名单). */
public record EnterpriseUnblacklisted(UUID enterpriseId, String reason) implements DomainEvent {
}
