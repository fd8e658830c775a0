package io.hazardledger.registry.domain;

import io.hazardledger.contracts.enterprise.Contact;
import io.hazardledger.contracts.enterprise.GeoPoint;
import io.hazardledger.contracts.enterprise.KeyHazards;
import io.hazardledger.contracts.enterprise.RiskLevel;
import io.hazardledger.contracts.enterprise.StandardisationGrade;
import io.hazardledger.contracts.enterprise.SupervisionCategory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the ledger records of an enterprise besides its code, its place and its status. */
public record EnterpriseDetails(String name, String industryCode, SupervisionCategory supervisionCategory,
                                String address, String parkName, KeyHazards keyHazards, RiskLevel riskLevel,
                                StandardisationGrade standardisationGrade, String responsibleCadre, Contact contact,
                                GeoPoint location) {

    /** The names of the details that differ from {@code other}, in declaration order. */
    public List<String> changedFrom(EnterpriseDetails other) {
        List<String> changed = new ArrayList<>();
        compare(changed, "name", name, other.name);
        compare(changed, "industryCode", industryCode, other.industryCode);
        compare(changed, "supervisionCategory", supervisionCategory, other.supervisionCategory);
        compare(changed, "address", address, other.address);
        compare(changed, "parkName", parkName, other.parkName);
        compare(changed, "keyHazards", keyHazards, other.keyHazards);
        compare(changed, "riskLevel", riskLevel, other.riskLevel);
        compare(changed, "standardisationGrade", standardisationGrade, other.standardisationGrade);
        compare(changed, "responsibleCadre", responsibleCadre, other.responsibleCadre);
        compare(changed, "contact", contact, other.contact);
        compare(changed, "location", location, other.location);
        return changed;
    }

    private static void compare(List<String> changed, String field, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            changed.add(field);
        }
    }
}
