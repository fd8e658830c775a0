package io.hazardledger.registry.api;

import io.hazardledger.contracts.enterprise.Contact;
import io.hazardledger.contracts.enterprise.GeoPoint;
import io.hazardledger.contracts.enterprise.KeyHazards;
import io.hazardledger.contracts.enterprise.RiskLevel;
import io.hazardledger.contracts.enterprise.StandardisationGrade;
import io.hazardledger.contracts.enterprise.SupervisionCategory;
import io.hazardledger.registry.domain.Enterprise;
import io.hazardledger.registry.domain.EnterpriseDetails;
import io.hazardledger.registry.domain.Place;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A ledger entry as a client writes it: the body of a registration, the result a PATCH is merged into, one row of an
 * import. Codes are checked against the reference data served at {@code /api/districts} and {@code /api/industries}.
 *
 * @param uscc                 unified social credit code (统一社会信用代码), GB 32100-2015, check character verified
 * @param name                 registered Chinese name, up to 100 characters
 * @param districtCode         GB/T 2260 county-level code (6 digits); must exist
 * @param streetCode           township/street code (镇街, 9 digits) of that district, optional
 * @param industryCode         GB/T 4754-2017 division (大类, 2 digits), optional; must exist when given
 * @param supervisionCategory  the category the enterprise is supervised under
 * @param address              registered address, optional
 * @param parkName             chemical park (化工园区), optional
 * @param keyHazards           两重点一重大 flags, optional
 * @param riskLevel            RED, ORANGE, YELLOW, BLUE (红橙黄蓝), optional
 * @param standardisationGrade safety standardisation grade, optional
 * @param responsibleCadre     the cadre answerable for the enterprise (包保责任人), optional
 * @param contact              safety contact, optional
 * @param location             WGS 84 coordinates, optional
 */
public record EnterpriseEntry(
        @NotBlank @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}",
                message = "must be 18 characters of the GB 32100-2015 alphabet") String uscc,
        @NotBlank @Size(max = 100) String name,
        @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit GB/T 2260 code") String districtCode,
        @Pattern(regexp = "[0-9]{9}", message = "must be a 9-digit township/street code") String streetCode,
        @Pattern(regexp = "[0-9]{2}", message = "must be a 2-digit GB/T 4754-2017 division") String industryCode,
        @NotNull SupervisionCategory supervisionCategory,
        @Size(max = 200) String address,
        @Size(max = 100) String parkName,
        KeyHazards keyHazards,
        RiskLevel riskLevel,
        StandardisationGrade standardisationGrade,
        @Size(max = 50) String responsibleCadre,
        Contact contact,
        GeoPoint location) {

    /** The entry the ledger holds now, the base a PATCH is merged into. */
    static EnterpriseEntry of(Enterprise e) {
        EnterpriseDetails d = e.details();
        return new EnterpriseEntry(e.uscc(), d.name(), e.place().districtCode(), e.place().streetCode(),
                d.industryCode(), d.supervisionCategory(), d.address(), d.parkName(), d.keyHazards(), d.riskLevel(),
                d.standardisationGrade(), d.responsibleCadre(), d.contact(), d.location());
    }

    /** The entry a ledger row holds, to tell an import row that changes nothing without loading the stream. */
    static EnterpriseEntry of(EnterpriseView v) {
        return new EnterpriseEntry(v.uscc(), v.name(), v.districtCode(), v.streetCode(), v.industryCode(),
                v.supervisionCategory(), v.address(), v.parkName(), v.keyHazards(), v.riskLevel(),
                v.standardisationGrade(), v.responsibleCadre(), v.contact(), v.location());
    }

    Place place() {
        return new Place(districtCode, streetCode);
    }

    EnterpriseDetails details() {
        return new EnterpriseDetails(name, industryCode, supervisionCategory, address, parkName, keyHazards, riskLevel,
                standardisationGrade, responsibleCadre, contact, location);
    }
}
