package io.hazardledger.registry.api;

import io.hazardledger.contracts.enterprise.Contact;
import io.hazardledger.contracts.enterprise.EnterpriseStatus;
import io.hazardledger.contracts.enterprise.GeoPoint;
import io.hazardledger.contracts.enterprise.KeyHazards;
import io.hazardledger.contracts.enterprise.RiskLevel;
import io.hazardledger.contracts.enterprise.StandardisationGrade;
import io.hazardledger.contracts.enterprise.SupervisionCategory;
import io.hazardledger.registry.persistence.EnterpriseRecord;

import java.time.Instant;
import java.util.UUID;

/** An enterprise as the ledger holds it now; {@code version} is also its ETag. */
public record EnterpriseView(UUID id, String uscc, String name, String districtCode, String streetCode,
                             String industryCode, SupervisionCategory supervisionCategory, EnterpriseStatus status,
                             boolean blacklisted, String address, String parkName, KeyHazards keyHazards,
                             RiskLevel riskLevel, StandardisationGrade standardisationGrade, String responsibleCadre,
                             Contact contact, GeoPoint location, long version, Instant registeredAt, Instant updatedAt) {

    static EnterpriseView of(EnterpriseRecord r) {
        KeyHazards key = r.keyHazardousProcess == null ? null : new KeyHazards(r.keyHazardousProcess,
                Boolean.TRUE.equals(r.keyHazardousChemical), r.majorHazardSources == null ? 0 : r.majorHazardSources);
        Contact contact = r.contactName == null && r.contactPhone == null ? null : new Contact(r.contactName, r.contactPhone);
        GeoPoint location = r.longitude == null || r.latitude == null ? null : new GeoPoint(r.longitude, r.latitude);
        return new EnterpriseView(r.id, r.uscc, r.name, r.districtCode, r.streetCode, r.industryCode,
                r.supervisionCategory, r.status, r.blacklisted, r.address, r.parkName, key, r.riskLevel,
                r.standardisationGrade, r.responsibleCadre, contact, location, r.version, r.registeredAt, r.updatedAt);
    }
}
