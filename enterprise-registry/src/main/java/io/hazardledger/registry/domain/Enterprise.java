package io.hazardledger.registry.domain;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.enterprise.EnterpriseBlacklisted;
import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.enterprise.EnterpriseRelocated;
import io.hazardledger.contracts.enterprise.EnterpriseStatus;
import io.hazardledger.contracts.enterprise.EnterpriseStatusChanged;
import io.hazardledger.contracts.enterprise.EnterpriseUnblacklisted;
import io.hazardledger.contracts.enterprise.EnterpriseUpdated;
import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.domain.IllegalTransition;
import io.hazardledger.eventstore.domain.Role;
import io.hazardledger.eventstore.domain.RuleViolation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An enterprise of the supervision ledger (企业台账); its stream holds every change to it. Its status moves between
 * ACTIVE and SUSPENDED (停产整顿); CLOSED (关闭取缔) is final. The code (统一社会信用代码) never changes.
 */
public record Enterprise(UUID id, String uscc, Place place, EnterpriseDetails details, EnterpriseStatus status,
                         boolean blacklisted) {
    public static final String STREAM_TYPE = "enterprise";
    /** The state before the first event. */
    public static final Enterprise NONE = null;
    private static final Set<Role> CHANGE_STATUS = EnumSet.of(Role.REGULATOR);
    /** Who keeps the ledger: the regulator of the enterprise's district, or an administrator. */
    private static final Set<Role> KEEP_LEDGER = EnumSet.of(Role.REGULATOR, Role.ADMIN);

    public String districtCode() {
        return place.districtCode();
    }

    /** Decides the registration of a new enterprise in {@code place}, which the caller must keep the ledger of. */
    public static EnterpriseRegistered register(Caller caller, UUID id, String uscc, Place place,
                                                EnterpriseDetails details, LedgerRules rules) {
        // A registration names nothing that exists yet, so the role is checked first: nothing can leak by it.
        if (!KEEP_LEDGER.contains(caller.role())) {
            throw new Caller.Forbidden("register an enterprise", caller.role());
        }
        caller.requireAllowed("register an enterprise", KEEP_LEDGER, null, place.districtCode());
        rules.check(uscc, place, details);
        return new EnterpriseRegistered(id, uscc, details.name().strip(), place.districtCode(), place.streetCode(),
                details.industryCode(), details.supervisionCategory(), details.address(), details.parkName(),
                details.keyHazards(), details.riskLevel(), details.standardisationGrade(), details.responsibleCadre(),
                details.contact(), details.location());
    }

    /**
     * Decides a revision of the ledger entry to the full new {@code place} and {@code details}: a move is an
     * {@link EnterpriseRelocated} (carrying the new address and location), any other change one
     * {@link EnterpriseUpdated}; nothing changed, no event.
     */
    public List<DomainEvent> revise(Caller caller, String newUscc, Place newPlace, EnterpriseDetails newDetails,
                                    String reason, LedgerRules rules) {
        caller.requireAllowed("change the ledger entry", KEEP_LEDGER, id, place.districtCode());
        if (!uscc.equals(newUscc)) {
            throw new RuleViolation("uscc", "the unified social credit code of a registered enterprise never changes");
        }
        rules.check(uscc, newPlace, newDetails);
        EnterpriseDetails revised = new EnterpriseDetails(newDetails.name().strip(), newDetails.industryCode(),
                newDetails.supervisionCategory(), newDetails.address(), newDetails.parkName(), newDetails.keyHazards(),
                newDetails.riskLevel(), newDetails.standardisationGrade(), newDetails.responsibleCadre(),
                newDetails.contact(), newDetails.location());
        List<String> changed = new ArrayList<>(revised.changedFrom(details));
        List<DomainEvent> events = new ArrayList<>();
        if (newPlace.differsFrom(place)) {
            events.add(new EnterpriseRelocated(id, place.districtCode(), place.streetCode(), newPlace.districtCode(),
                    newPlace.streetCode(), revised.address(), revised.location(), reason));
            changed.removeAll(List.of("address", "location")); // carried by the relocation
        }
        if (!changed.isEmpty()) {
            events.add(new EnterpriseUpdated(id, revised.name(), revised.industryCode(), revised.supervisionCategory(),
                    revised.address(), revised.parkName(), revised.keyHazards(), revised.riskLevel(),
                    revised.standardisationGrade(), revised.responsibleCadre(), revised.contact(), revised.location(),
                    List.copyOf(changed)));
        }
        return events;
    }

    /** A regulator of the district changes the status; to the status it has, or from CLOSED, is a 409. */
    public EnterpriseStatusChanged changeStatus(Caller caller, EnterpriseStatus to, String reason) {
        caller.requireAllowed("change status", CHANGE_STATUS, id, districtCode());
        if (status == EnterpriseStatus.CLOSED || status == to) {
            throw new IllegalTransition("change status to " + to, status.name());
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason", "a status change states why");
        }
        return new EnterpriseStatusChanged(id, status, to, reason);
    }

    /** Puts the enterprise on the blacklist (失信黑名单) or takes it off; to where it already is, is a 409. */
    public DomainEvent blacklist(Caller caller, boolean on, String reason) {
        caller.requireAllowed(on ? "blacklist" : "unblacklist", KEEP_LEDGER, id, districtCode());
        if (blacklisted == on) {
            throw new IllegalTransition(on ? "blacklist" : "unblacklist", blacklisted ? "BLACKLISTED" : "NOT_BLACKLISTED");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason", "a blacklist decision states why");
        }
        return on ? new EnterpriseBlacklisted(id, reason) : new EnterpriseUnblacklisted(id, reason);
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
        if (event instanceof EnterpriseRegistered r) {
            return new Enterprise(r.enterpriseId(), r.uscc(), new Place(r.districtCode(), r.streetCode()),
                    new EnterpriseDetails(r.name(), r.industryCode(), r.supervisionCategory(), r.address(), r.parkName(),
                            r.keyHazards(), r.riskLevel(), r.standardisationGrade(), r.responsibleCadre(), r.contact(),
                            r.location()),
                    EnterpriseStatus.ACTIVE, false);
        }
        if (event instanceof EnterpriseUpdated u) {
            return state.with(state.place, new EnterpriseDetails(u.name(), u.industryCode(), u.supervisionCategory(),
                    u.address(), u.parkName(), u.keyHazards(), u.riskLevel(), u.standardisationGrade(),
                    u.responsibleCadre(), u.contact(), u.location()));
        }
        if (event instanceof EnterpriseRelocated m) {
            EnterpriseDetails d = state.details;
            return state.with(new Place(m.districtCode(), m.streetCode()), new EnterpriseDetails(d.name(),
                    d.industryCode(), d.supervisionCategory(), m.address(), d.parkName(), d.keyHazards(), d.riskLevel(),
                    d.standardisationGrade(), d.responsibleCadre(), d.contact(), m.location()));
        }
        if (event instanceof EnterpriseStatusChanged changed) {
            return new Enterprise(state.id, state.uscc, state.place, state.details, changed.to(), state.blacklisted);
        }
        if (event instanceof EnterpriseBlacklisted) {
            return new Enterprise(state.id, state.uscc, state.place, state.details, state.status, true);
        }
        if (event instanceof EnterpriseUnblacklisted) {
            return new Enterprise(state.id, state.uscc, state.place, state.details, state.status, false);
        }
        return state;
    }

    private Enterprise with(Place newPlace, EnterpriseDetails newDetails) {
        return new Enterprise(id, uscc, newPlace, newDetails, status, blacklisted);
    }
}
