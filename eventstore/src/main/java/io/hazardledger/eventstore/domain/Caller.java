package io.hazardledger.eventstore.domain;

import java.util.Set;
import java.util.UUID;

/**
 * Who issues a command: subject, role, and the scope that role carries — a district (6-digit GB/T 2260 code) for
 * inspectors, regulators and analysts, an enterprise for enterprise users.
 */
public record Caller(String subject, Role role, String districtCode, UUID enterpriseId) {

    public static Caller system(String service) {
        return new Caller(service, Role.SYSTEM, null, null);
    }

    /**
     * Checks that the caller may issue {@code command} about something of {@code enterprise} in {@code district}:
     * out of scope is "not found" (nothing leaks), in scope with another role is "forbidden".
     */
    public void requireAllowed(String command, Set<Role> roles, UUID enterprise, String district) {
        if (!inScope(enterprise, district)) {
            throw new OutOfScope();
        }
        if (!roles.contains(role)) {
            throw new Forbidden(command, role);
        }
    }

    /** Checks that the caller may see something of {@code enterprise} in {@code district}; otherwise "not found". */
    public void requireVisible(UUID enterprise, String district) {
        if (!inScope(enterprise, district)) {
            throw new OutOfScope();
        }
    }

    public boolean inScope(UUID enterprise, String district) {
        return switch (role) {
            case SYSTEM, ADMIN -> true;
            case ENTERPRISE -> enterpriseId != null && enterpriseId.equals(enterprise);
            // Inspectors and regulators act for one district's bureau: without a district they act nowhere.
            case INSPECTOR, REGULATOR -> districtCode != null && districtCode.equals(district);
            // An analyst without a district reads every district.
            case ANALYST -> districtCode == null || districtCode.equals(district);
        };
    }

    /** Answered 403. */
    public static final class Forbidden extends RuntimeException {
        public Forbidden(String command, Role role) {
            super(command + " is not for the role " + role.name().toLowerCase());
        }
    }

    /** Answered 404: the caller may not know the thing exists. */
    public static final class OutOfScope extends RuntimeException {
        public OutOfScope() {
            super("not found");
        }
    }
}
