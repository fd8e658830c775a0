package io.hazardledger.registry.domain;

import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.enterprise.SupervisionCategory;
import io.hazardledger.contracts.enterprise.UnifiedSocialCreditCode;

import io.hazardledger.eventstore.domain.RuleViolation;

import java.util.UUID;

/** An enterprise of the supervision ledger (企业台账); its stream holds every change to it. */
public final class Enterprise {
    public static final String STREAM_TYPE = "enterprise";

    private Enterprise() {
    }

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
                registration.address());
    }

}
