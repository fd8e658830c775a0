package io.hazardledger.registry.domain;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.enterprise.EnterpriseRelocated;
import io.hazardledger.contracts.enterprise.EnterpriseUpdated;
import io.hazardledger.contracts.enterprise.KeyHazards;
import io.hazardledger.contracts.enterprise.RiskLevel;
import io.hazardledger.contracts.enterprise.SupervisionCategory;
import io.hazardledger.contracts.enterprise.UnifiedSocialCreditCode;
import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.domain.Role;
import io.hazardledger.eventstore.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a revision of a ledger entry becomes events: a move is a relocation, the rest one update, nothing is nothing. */
class EnterpriseRevisionTest {
    /** A gazetteer of two districts with a street each, and division 26. */
    private static final Gazetteer GAZETTEER = new Gazetteer() {
        private final Map<String, District> districts = Map.of(
                "370786", new District("370786", "昌邑市", "潍坊市", "山东省"),
                "370114", new District("370114", "章丘区", "济南市", "山东省"));
        private final Map<String, Street> streets = Map.of(
                "370786102", new Street("370786102", "龙池镇", "370786"),
                "370114001", new Street("370114001", "明水街道", "370114"));

        @Override
        public Optional<District> district(String code) {
            return Optional.ofNullable(districts.get(code));
        }

        @Override
        public Optional<Street> street(String code) {
            return Optional.ofNullable(streets.get(code));
        }

        @Override
        public Optional<Industry> industry(String code) {
            return "26".equals(code) ? Optional.of(new Industry("26", "化学原料和化学制品制造业", "C")) : Optional.empty();
        }
    };
    private static final LedgerRules RULES = new LedgerRules(GAZETTEER);
    private static final Caller ADMIN = new Caller("admin-1", Role.ADMIN, null, null);
    private static final String USCC = "91370786MA3C00001" + UnifiedSocialCreditCode.checkCharacter("91370786MA3C00001");
    private static final Place LONGCHI = new Place("370786", "370786102");
    private static final EnterpriseDetails DETAILS = new EnterpriseDetails("昌邑示例化工有限公司", "26",
            SupervisionCategory.HAZARDOUS_CHEMICALS_PRODUCTION, "龙池镇", null, KeyHazards.NONE, RiskLevel.YELLOW,
            null, null, null, null);

    private static Enterprise registered() {
        EnterpriseRegistered registered = Enterprise.register(ADMIN, UUID.randomUUID(), USCC, LONGCHI, DETAILS, RULES);
        return Enterprise.apply(Enterprise.NONE, registered);
    }

    private static EnterpriseDetails withRiskAndAddress(RiskLevel risk, String address) {
        return new EnterpriseDetails(DETAILS.name(), DETAILS.industryCode(), DETAILS.supervisionCategory(), address,
                null, KeyHazards.NONE, risk, null, null, null, null);
    }

    @Test
    void theSameEntryIsNoEvent() {
        assertEquals(List.of(), registered().revise(ADMIN, USCC, LONGCHI, DETAILS, null, RULES));
    }

    @Test
    void aChangedDetailIsOneUpdateNamingIt() {
        List<DomainEvent> events = registered().revise(ADMIN, USCC, LONGCHI, withRiskAndAddress(RiskLevel.RED, "龙池镇"), null, RULES);
        assertEquals(1, events.size());
        EnterpriseUpdated updated = assertInstanceOf(EnterpriseUpdated.class, events.get(0));
        assertEquals(List.of("riskLevel"), updated.changedFields());
        assertEquals(RiskLevel.RED, updated.riskLevel());
    }

    @Test
    void aMoveWithANewAddressIsARelocationAndOtherChangesAnUpdateAfterIt() {
        Enterprise before = registered();
        Place mingshui = new Place("370114", "370114001");
        List<DomainEvent> events = before.revise(ADMIN, USCC, mingshui, withRiskAndAddress(RiskLevel.RED, "明水街道"), "搬迁", RULES);
        EnterpriseRelocated relocated = assertInstanceOf(EnterpriseRelocated.class, events.get(0));
        assertEquals("370786", relocated.fromDistrictCode());
        assertEquals("370114001", relocated.streetCode());
        assertEquals("明水街道", relocated.address());
        assertEquals(List.of("riskLevel"), assertInstanceOf(EnterpriseUpdated.class, events.get(1)).changedFields());

        Enterprise after = before;
        for (DomainEvent event : events) {
            after = Enterprise.apply(after, event);
        }
        assertEquals(mingshui, after.place());
        assertEquals("明水街道", after.details().address());
        assertEquals(RiskLevel.RED, after.details().riskLevel());
    }

    @Test
    void theCodeNeverChangesAndTheRulesStillHold() {
        Enterprise enterprise = registered();
        String other = "91370786MA3C00002" + UnifiedSocialCreditCode.checkCharacter("91370786MA3C00002");
        assertEquals("uscc", assertThrows(RuleViolation.class,
                () -> enterprise.revise(ADMIN, other, LONGCHI, DETAILS, null, RULES)).violations().get(0).field());
        RuleViolation wrongStreet = assertThrows(RuleViolation.class,
                () -> enterprise.revise(ADMIN, USCC, new Place("370114", "370786102"), DETAILS, null, RULES));
        assertEquals("streetCode", wrongStreet.violations().get(0).field());
    }

    @Test
    void onlyTheDistrictsRegulatorOrAnAdminRevises() {
        Enterprise enterprise = registered();
        EnterpriseDetails changed = withRiskAndAddress(RiskLevel.RED, "龙池镇");
        assertThrows(Caller.OutOfScope.class, () -> enterprise.revise(new Caller("r", Role.REGULATOR, "370114", null),
                USCC, LONGCHI, changed, null, RULES));
        assertThrows(Caller.Forbidden.class, () -> enterprise.revise(new Caller("i", Role.INSPECTOR, "370786", null),
                USCC, LONGCHI, changed, null, RULES));
        assertTrue(enterprise.revise(new Caller("r", Role.REGULATOR, "370786", null), USCC, LONGCHI, changed, null, RULES)
                .get(0) instanceof EnterpriseUpdated);
    }
}
