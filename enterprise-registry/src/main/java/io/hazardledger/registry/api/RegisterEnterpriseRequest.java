package io.hazardledger.registry.api;

import io.hazardledger.contracts.enterprise.SupervisionCategory;
import io.hazardledger.registry.domain.Enterprise;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Registration of an enterprise in the ledger.
 *
 * @param uscc                unified social credit code (统一社会信用代码), GB 32100-2015, check character verified
 * @param name                registered name, up to 100 characters
 * @param districtCode        GB/T 2260 county-level code (6 digits)
 * @param streetCode          GB/T 2260 township/street code (镇街), 9 or 12 digits, optional
 * @param industryCode        GB/T 4754-2017 division code (2 digits), optional
 * @param supervisionCategory the category the enterprise is supervised under
 * @param address             registered address, optional
 */
public record RegisterEnterpriseRequest(
        @NotBlank @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}",
                message = "must be 18 characters of the GB 32100-2015 alphabet") String uscc,
        @NotBlank @Size(max = 100) String name,
        @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit GB/T 2260 code") String districtCode,
        @Pattern(regexp = "[0-9]{9}|[0-9]{12}", message = "must be a 9- or 12-digit GB/T 2260 code") String streetCode,
        @Pattern(regexp = "[0-9]{2}", message = "must be a 2-digit GB/T 4754-2017 division") String industryCode,
        @NotNull SupervisionCategory supervisionCategory,
        @Size(max = 200) String address) {

    Enterprise.Registration toRegistration() {
        return new Enterprise.Registration(uscc, name, districtCode, streetCode, industryCode, supervisionCategory, address);
    }
}
