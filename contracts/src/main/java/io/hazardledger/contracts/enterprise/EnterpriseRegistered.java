package io.hazardledger.contracts.enterprise;

import io.hazardledger.contracts.DomainEvent;

import java.util.UUID;

/**
 * An enterprise entered the supervision ledger (企业台账). Schema version 2 added everything after {@code address};
 * events of version 1 read with those fields null.
 *
 * @param uscc             unified social credit code (统一社会信用代码), 18 characters, check character verified
 * @param districtCode     GB/T 2260 county-level code
 * @param streetCode       GB/T 2260 township/street code (镇街) within the district, may be null
 * @param industryCode     GB/T 4754-2017 division code, may be null
 * @param parkName         chemical park (化工园区) the enterprise sits in, may be null
 * @param responsibleCadre the cadre answerable for the enterprise (包保责任人), may be null
 * @param location         coordinates, may be null
 */
public record EnterpriseRegistered(
        UUID enterpriseId,
        String uscc,
        String name,
        String districtCode,
        String streetCode,
        String industryCode,
        SupervisionCategory supervisionCategory,
        String address,
        String parkName,
        KeyHazards keyHazards,
        RiskLevel riskLevel,
        StandardisationGrade standardisationGrade,
        String responsibleCadre,
        Contact contact,
        GeoPoint location) implements DomainEvent {
}
