package io.hazardledger.registry.api;

import io.hazardledger.contracts.enterprise.GeoPoint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A move of an enterprise to another district or street (EnterpriseRelocated). An address or location not given stays
 * as it was.
 *
 * @param districtCode GB/T 2260 county-level code of the new district
 * @param streetCode   township/street code (镇街) in the new district, optional
 * @param address      the new address, optional
 * @param location     the new coordinates, optional
 * @param reason       why, e.g. the approval of the move
 */
public record RelocationRequest(
        @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit GB/T 2260 code") String districtCode,
        @Pattern(regexp = "[0-9]{9}", message = "must be a 9-digit township/street code") String streetCode,
        @Size(max = 200) String address,
        GeoPoint location,
        @NotBlank @Size(max = 500) String reason) {
}
