package io.hazardledger.hazard.domain;

import io.hazardledger.eventstore.domain.Role;

import java.util.EnumSet;
import java.util.Set;

/** The commands of the hazard lifecycle, with the roles that may issue each (enterprise users for their own only). */
public enum HazardCommand {
    // SYSTEM: an inspection finding, registered by hazard-service as it arrives.
    REPORT("report", EnumSet.of(Role.ENTERPRISE, Role.INSPECTOR, Role.REGULATOR, Role.SYSTEM)),
    RECLASSIFY("reclassify", EnumSet.of(Role.REGULATOR)),
    ASSIGN_RECTIFICATION("assign rectification", EnumSet.of(Role.ENTERPRISE, Role.INSPECTOR, Role.REGULATOR)),
    EXTEND_DEADLINE("extend deadline", EnumSet.of(Role.REGULATOR)),
    SUBMIT_COMPLETION("submit completion", EnumSet.of(Role.ENTERPRISE, Role.INSPECTOR)),
    VERIFY("verify", EnumSet.of(Role.INSPECTOR, Role.REGULATOR, Role.ENTERPRISE)),
    CLOSE("close", EnumSet.of(Role.REGULATOR)),
    LIST_SUPERVISION("list for supervision", EnumSet.of(Role.REGULATOR)),
    LIFT_SUPERVISION("lift supervision", EnumSet.of(Role.REGULATOR)),
    VOID("void", EnumSet.of(Role.REGULATOR)),
    REWARD_REPORTER("reward reporter", EnumSet.of(Role.REGULATOR, Role.ENTERPRISE)),
    MARK_OVERDUE("mark overdue", EnumSet.of(Role.SYSTEM));

    private final String label;
    private final Set<Role> roles;

    HazardCommand(String label, Set<Role> roles) {
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
