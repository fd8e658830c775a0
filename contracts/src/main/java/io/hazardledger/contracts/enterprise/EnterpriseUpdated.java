package io.hazardledger.contracts.enterprise;

import io.hazardledger.contracts.DomainEvent;

import java.util.List;
import java.util.UUID;

/**
 * Ledger details of an enterprise changed in place. It carries the full new value of every detail (not only the
 * changed ones, which {@code changedFields} names), so a reader needs no earlier event to know the current state.
 * A change of district or street is never an update: that is {@link EnterpriseRelocated}.
 */
public record EnterpriseUpdated(
        UUID enterpriseId,
        String name,
        String industryCode,
        SupervisionCategory supervisionCategory,
        String address,
        String parkName,
        KeyHazards keyHazards,
        RiskLevel riskLevel,
        StandardisationGrade standardisationGrade,
        String responsibleCadre,
        Contact contact,
        GeoPoint location,
        List<String> changedFields) implements DomainEvent {
}
