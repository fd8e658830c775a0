package io.hazardledger.reporting.api;

import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.domain.Role;
import io.hazardledger.eventstore.http.RequestCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.EnumSet;
import java.util.UUID;

/**
 * Which districts the caller may see in statistics: inspectors, regulators and analysts with a district only their
 * own (another district is a 404, lists are cut to theirs); enterprises only their own safety profile. A request
 * without a caller never gets here: ApiAuthentication answers it 401 first.
 */
@RequestScoped
public class StatisticsScope {
    @Inject
    RequestCaller callers;

    /** The district to restrict to: the one asked for if allowed, the caller's own when none was asked for. */
    String district(String asked) {
        var caller = callers.optional();
        if (caller.isEmpty() || caller.get().role() == Role.ADMIN || caller.get().role() == Role.SYSTEM) {
            return asked;
        }
        Caller c = caller.get();
        if (c.role() == Role.ENTERPRISE) {
            throw new Caller.Forbidden("read district statistics", c.role());
        }
        if (c.districtCode() == null) {
            if (c.role() == Role.ANALYST) {
                return asked;
            }
            throw new Caller.OutOfScope();
        }
        if (asked != null && !asked.equals(c.districtCode())) {
            throw new Caller.OutOfScope();
        }
        return c.districtCode();
    }

    /** An enterprise's profile: its own enterprise, or anyone in the district where it is now. */
    void requireProfile(UUID enterprise, String district) {
        callers.optional().ifPresent(c -> c.requireAllowed("read a safety profile",
                EnumSet.allOf(Role.class), enterprise, district));
    }
}
