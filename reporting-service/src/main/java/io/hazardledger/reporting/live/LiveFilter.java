package io.hazardledger.reporting.live;

import io.hazardledger.contracts.EventCatalog;
import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.http.ProblemException;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which events one client of the feed receives: those of the districts and types it asked for (none named = all),
 * and never one outside the caller's scope — a caller with a district sees that district only, an enterprise user
 * its own enterprise only ({@link Caller#inScope}).
 */
public record LiveFilter(Set<String> districts, Set<String> types, Caller caller) {
    private static final Pattern DISTRICT_CODE = Pattern.compile("[0-9]{6}");

    /**
     * Reads the {@code district} and {@code type} parameters (comma lists): 400 for a malformed district or an
     * unknown type, 404 for a district outside the caller's own (as for anything else it may not see).
     */
    public static LiveFilter of(String district, String type, Caller caller) {
        Set<String> districts = list(district);
        for (String code : districts) {
            if (!DISTRICT_CODE.matcher(code).matches()) {
                throw ProblemException.invalid("district", "must be 6-digit GB/T 2260 codes, comma-separated: " + code);
            }
            if (caller.districtCode() != null && !caller.districtCode().equals(code)) {
                throw new Caller.OutOfScope();
            }
        }
        Set<String> types = list(type);
        for (String name : types) {
            if (EventCatalog.byType(name).isEmpty()) {
                throw ProblemException.invalid("type", "is not an event type: " + name);
            }
        }
        return new LiveFilter(districts, types, caller);
    }

    public boolean accepts(LiveEvent event) {
        return caller.inScope(event.enterpriseId(), event.districtCode())
                && (districts.isEmpty() || districts.contains(event.districtCode()))
                && (types.isEmpty() || types.contains(event.type()));
    }

    private static Set<String> list(String value) {
        Set<String> items = new LinkedHashSet<>();
        if (value != null) {
            Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
        }
        return items;
    }
}
