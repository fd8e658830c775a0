package io.hazardledger.registry.config;

import io.hazardledger.registry.domain.LedgerRules;
import io.hazardledger.registry.persistence.ReferenceData;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The ledger's rules, checked against the reference data the registry serves. */
public class LedgerRulesProducer {
    @Produces
    @Singleton
    LedgerRules ledgerRules(ReferenceData referenceData) {
        return new LedgerRules(referenceData);
    }
}
