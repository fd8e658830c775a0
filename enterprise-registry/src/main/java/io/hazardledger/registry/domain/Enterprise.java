package io.hazardledger.registry.domain;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.enterprise.EnterpriseStatus;
import io.hazardledger.contracts.enterprise.EnterpriseStatusChanged;
import io.hazardledger.contracts.enterprise.SupervisionCategory;
import io.hazardledger.contracts.enterprise.UnifiedSocialCreditCode;
import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.domain.IllegalTransition;
import io.hazardledger.eventstore.domain.Role;
import io.hazardledger.eventstore.domain.RuleViolation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An enterprise of the supervision ledger (企业台账); its stream holds every change to it. Its status moves between
 * ACTIVE and SUSPENDED (停产整顿); CLOSED (关闭取缔) is final.
 */
public record Enterprise(UUID id, String districtCode, EnterpriseStatus status) {
    public static final String STREAM_TYPE = "enterprise";
    /** The state before the first event. */
    public static final Enterprise NONE = null;
    private static final Set<Role> CHANGE_STATUS = EnumSet.of(Role.REGULATOR);

    /** The facts needed to register an enterprise. */
    public record Registration(String uscc, String name, String districtCode, String streetCode,
                               String industryCode, SupervisionCategory supervisionCategory, String address) {
    }

    /** Decides the registration of a new enterprise; the code must pass its GB 32100 check. */
    public static EnterpriseRegistered register(UUID id, Registration registration) {
        if (!UnifiedSocialCreditCode.isValid(registration.uscc())) {
            throw new RuleViolation("uscc", "check character does not match (GB 32100-2015)");
        }
        return new EnterpriseRegistered(id, registration.uscc(), registration.name().strip(), registration.districtCode(),
                registration.streetCode(), registration.industryCode(), registration.supervisionCategory(),
                registration.address(), null, null, null, null, null, null, null);
    }

    /** A regulator of the district changes the status; to the status it has, or from CLOSED, is a 409. */
    public EnterpriseStatusChanged changeStatus(Caller caller, EnterpriseStatus to, String reason) {
        caller.requireAllowed("change status", CHANGE_STATUS, id, districtCode);
        if (status == EnterpriseStatus.CLOSED || status == to) {
            throw new IllegalTransition("change status to " + to, status.name());
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason", "a status change states why");
        }
        return new EnterpriseStatusChanged(id, status, to, reason);
    }

    /**
     * A suspension order (停产停业整顿) issued on an inspection suspends an ACTIVE enterprise; one already suspended or
     * closed stays as it is, so a repeated or late order changes nothing.
     */
    public List<DomainEvent> suspendOnOrder(String reason) {
        return status == EnterpriseStatus.ACTIVE
                ? List.of(new EnterpriseStatusChanged(id, status, EnterpriseStatus.SUSPENDED, reason))
                : List.of();
    }

    public static Enterprise apply(Enterprise state, DomainEvent event) {
        if (event instanceof EnterpriseRegistered registered) {
            return new Enterprise(registered.enterpriseId(), registered.districtCode(), EnterpriseStatus.ACTIVE);
        }
        if (event instanceof EnterpriseStatusChanged changed) {
            return new Enterprise(state.id, state.districtCode, changed.to());
        }
        return state;
    }
}
