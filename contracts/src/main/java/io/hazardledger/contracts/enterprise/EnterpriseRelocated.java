package io.hazardledger.contracts.enterprise;

import io.hazardledger.contracts.DomainEvent;

import java.util.UUID;

/**
 * An enterprise moved to another district or street. Its own event so that projections can keep the facts found
 * before the move where they were found, and place later ones in the new district. The envelope's district is the
 * new one.
 */
public record EnterpriseRelocated(
        UUID enterpriseId,
        String fromDistrictCode,
        String fromStreetCode,
        String districtCode,
        String streetCode,
        String address,
        GeoPoint location,
        String reason) implements DomainEvent {
}
