package io.hazardledger.registry.api;

import io.hazardledger.contracts.enterprise.EnterpriseStatus;
import io.hazardledger.contracts.enterprise.SupervisionCategory;
import io.hazardledger.registry.persistence.EnterpriseRecord;

import java.time.Instant;
import java.util.UUID;

/** An enterprise as the ledger holds it now. */
public record EnterpriseView(UUID id, String uscc, String name, String districtCode, String streetCode,
                             String industryCode, SupervisionCategory supervisionCategory, EnterpriseStatus status,
                             String address, long version, Instant registeredAt) {

    static EnterpriseView of(EnterpriseRecord r) {
        return new EnterpriseView(r.id, r.uscc, r.name, r.districtCode, r.streetCode, r.industryCode,
                r.supervisionCategory, r.status, r.address, r.version, r.registeredAt);
    }
}
