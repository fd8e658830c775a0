package io.hazardledger.registry.domain;

import java.util.Optional;

/**
 * The reference data the ledger's rules check against: districts and streets (GB/T 2260) and industry divisions
 * (GB/T 4754-2017).
 */
public interface Gazetteer {
    Optional<District> district(String code);

    Optional<Street> street(String code);

    Optional<Industry> industry(String code);

    /** A county-level district (区县), with the city and province it belongs to. */
    record District(String code, String name, String city, String province) {
    }

    /** A township or street (乡镇街道) of a district. */
    record Street(String code, String name, String districtCode) {
    }

    /**
     * A section (门类, one letter) or division (大类, two digits) of GB/T 4754-2017; a division names its section.
     */
    record Industry(String code, String name, String section) {
        public boolean isDivision() {
            return section != null;
        }
    }
}
