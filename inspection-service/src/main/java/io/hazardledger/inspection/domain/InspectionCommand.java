package io.hazardledger.inspection.domain;

import io.hazardledger.eventstore.domain.Role;

import java.util.EnumSet;
import java.util.Set;

/**
 * The commands of an inspection, with the roles that may issue each. Enterprise users act only on self-inspections
 * (企业自查) of their own enterprise; inspectors and regulators only in the enterprise's district.
 */
public enum InspectionCommand {
    PLAN("plan", EnumSet.of(Role.ENTERPRISE, Role.INSPECTOR, Role.REGULATOR)),
    START("start", EnumSet.of(Role.ENTERPRISE, Role.INSPECTOR, Role.REGULATOR)),
    RECORD_FINDING("record finding", EnumSet.of(Role.ENTERPRISE, Role.INSPECTOR, Role.REGULATOR)),
    TAKE_ENFORCEMENT_ACTION("take enforcement action", EnumSet.of(Role.INSPECTOR, Role.REGULATOR)),
    COMPLETE("complete", EnumSet.of(Role.ENTERPRISE, Role.INSPECTOR, Role.REGULATOR)),
    CANCEL("cancel", EnumSet.of(Role.ENTERPRISE, Role.INSPECTOR, Role.REGULATOR));

    private final String label;
    private final Set<Role> roles;

    InspectionCommand(String label, Set<Role> roles) {
        this.label = label;
        this.roles = roles;
    }

    public String label() {
        return label;
    }

    public Set<Role> roles() {
        return roles;
    }
}
