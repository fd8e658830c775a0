package io.hazardledger.registry.persistence;

import io.hazardledger.contracts.enterprise.EnterpriseStatus;
import io.hazardledger.contracts.enterprise.RiskLevel;
import io.hazardledger.contracts.enterprise.SupervisionCategory;
import io.hazardledger.eventstore.store.ReadModelFilter;

import java.util.Map;

/**
 * The criteria of a ledger search; null means "any". {@code nameContains} matches a substring of the name (Chinese
 * fragments work: the trigram index serves three characters or more).
 */
public record EnterpriseSearch(String nameContains, String uscc, String districtCode, String streetCode,
                               String industryCode, SupervisionCategory category, RiskLevel riskLevel,
                               EnterpriseStatus status, Boolean blacklisted, Boolean keyHazardousProcess,
                               Boolean keyHazardousChemical, Boolean majorHazardSource, String sort) {
    /** The sorts offered; each ends on the id, so pages never overlap or skip. */
    public static final Map<String, String> SORTS = Map.of(
            "name", "r.name, r.id",
            "-name", "r.name desc, r.id desc",
            "uscc", "r.uscc",
            "registeredAt", "r.registeredAt, r.id",
            "-registeredAt", "r.registeredAt desc, r.id desc",
            "updatedAt", "r.updatedAt, r.id",
            "-updatedAt", "r.updatedAt desc, r.id desc");

    ReadModelFilter filter() {
        return new ReadModelFilter()
                .when(nameContains == null ? null : "%" + escapeLike(nameContains) + "%",
                        "r.name like :name escape '\\'", "name")
                .when(uscc, "r.uscc = :uscc", "uscc")
                .when(districtCode, "r.districtCode = :district", "district")
                .when(streetCode, "r.streetCode = :street", "street")
                .when(industryCode, "r.industryCode = :industry", "industry")
                .when(category, "r.supervisionCategory = :category", "category")
                .when(riskLevel, "r.riskLevel = :risk", "risk")
                .when(status, "r.status = :status", "status")
                .when(blacklisted, "r.blacklisted = :blacklisted", "blacklisted")
                .when(keyHazardousProcess, "coalesce(r.keyHazardousProcess, false) = :keyProcess", "keyProcess")
                .when(keyHazardousChemical, "coalesce(r.keyHazardousChemical, false) = :keyChemical", "keyChemical")
                .when(majorHazardSource, "(coalesce(r.majorHazardSources, 0) > 0) = :majorSource", "majorSource");
    }

    String order() {
        return SORTS.getOrDefault(sort == null ? "name" : sort, SORTS.get("name"));
    }

    private static String escapeLike(String fragment) {
        return fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
