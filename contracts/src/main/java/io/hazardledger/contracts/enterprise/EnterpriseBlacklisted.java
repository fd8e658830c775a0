package io.hazardledger.contracts.enterprise;

import io.hazardledger.contracts.DomainEvent;

import java.util.UUID;

/** The enterprise was put on the blacklist of seriously untrustworthy entities (失信黑名单). */
public record EnterpriseBlacklisted(UUID enterpriseId, String reason) implements DomainEvent {
}
