package io.hazardledger.eventstore;

import io.hazardledger.contracts.DomainEvent;

import java.util.UUID;

/** An event decided by an aggregate, before the store gives it an id, a version and a position. */
public record NewEvent(DomainEvent payload, String districtCode, UUID enterpriseId) {
}
