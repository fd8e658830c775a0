package io.hazardledger.registry.domain;

import io.hazardledger.contracts.enterprise.GeoPoint;
import io.hazardledger.contracts.enterprise.UnifiedSocialCreditCode;
import io.hazardledger.eventstore.domain.RuleViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules every write of a ledger entry meets, checked together so that one answer names every field at fault: the
 * GB 32100 check character, a Chinese name, a district that exists, a street of that district, an industry division
 * that exists.
 */
public final class LedgerRules {
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,19}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private final Gazetteer gazetteer;

    public LedgerRules(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Throws a {@link RuleViolation} naming every field that breaks a rule. */
    public void check(String uscc, Place place, EnterpriseDetails details) {
        List<RuleViolation.Violation> violations = violations(uscc, place, details);
        if (!violations.isEmpty()) {
            throw new RuleViolation(violations);
        }
    }

    public List<RuleViolation.Violation> violations(String uscc, Place place, EnterpriseDetails details) {
        List<RuleViolation.Violation> found = new ArrayList<>();
        if (!UnifiedSocialCreditCode.isValid(uscc)) {
            found.add(new RuleViolation.Violation("uscc", "check character does not match (GB 32100-2015)"));
        }
        if (details.name() == null || !HAN.matcher(details.name()).find()) {
            found.add(new RuleViolation.Violation("name", "must be the registered Chinese name"));
        }
        if (gazetteer.district(place.districtCode()).isEmpty()) {
            found.add(new RuleViolation.Violation("districtCode",
                    "no such GB/T 2260 district: " + place.districtCode()));
        } else if (place.streetCode() != null) {
            gazetteer.street(place.streetCode()).ifPresentOrElse(street -> {
                if (!street.districtCode().equals(place.districtCode())) {
                    found.add(new RuleViolation.Violation("streetCode", "street " + street.code() + " (" + street.name()
                            + ") belongs to district " + street.districtCode() + ", not " + place.districtCode()));
                }
            }, () -> found.add(new RuleViolation.Violation("streetCode", "no such street: " + place.streetCode())));
        }
        if (details.industryCode() != null
                && gazetteer.industry(details.industryCode()).filter(Gazetteer.Industry::isDivision).isEmpty()) {
            found.add(new RuleViolation.Violation("industryCode",
                    "no such GB/T 4754-2017 division: " + details.industryCode()));
        }
        if (details.keyHazards() != null && details.keyHazards().majorHazardSources() < 0) {
            found.add(new RuleViolation.Violation("keyHazards.majorHazardSources", "must be 0 or more"));
        }
        if (details.contact() != null && details.contact().phone() != null
                && !PHONE.matcher(details.contact().phone()).matches()) {
            found.add(new RuleViolation.Violation("contact.phone", "must be a phone number, e.g. 0536-7123456"));
        }
        if (details.location() != null && !inChina(details.location())) {
            found.add(new RuleViolation.Violation("location", "must lie in China (WGS 84 longitude 73–136, latitude 3–54)"));
        }
        return found;
    }

    // A rough box around the country: catches swapped or zero coordinates, not borders.
    private static boolean inChina(GeoPoint point) {
        return point.longitude() >= 73 && point.longitude() <= 136 && point.latitude() >= 3 && point.latitude() <= 54;
    }
}
