package io.hazardledger.contracts.enterprise;

import io.hazardledger.contracts.DomainEvent;

import java.util.UUID;

/**
 * An enterprise entered the supervision ledger (企业台账).
 *
 * @param uscc unified social credit code (统一社会信用代码), 18 characters, check character verified
 * @param districtCode GB/T 2260 county-level code
 * @param streetCode   GB/T 2260 township/street code (镇街), may be null
 * @param industryCode GB/T 4754-2017 division code, may be null
 */
public record EnterpriseRegistered(
        UUID enterpriseId,
        String uscc,
        String name,
        String districtCode,
        String streetCode,
        String industryCode,
        SupervisionCategory supervisionCategory,
        String address) implements DomainEvent {
}
