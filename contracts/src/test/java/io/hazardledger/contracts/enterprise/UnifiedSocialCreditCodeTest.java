package io.hazardledger.contracts.enterprise;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110108551385082Q", "91440300708461136T"})
    void acceptsPublishedCodes(String code) {
        assertTrue(UnifiedSocialCreditCode.isValid(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "911100001000179837", "91440300708461136", "9144030070846113OT", ""})
    void refusesWrongCheckCharacterOrShape(String code) {
        assertFalse(UnifiedSocialCreditCode.isValid(code));
    }
}
