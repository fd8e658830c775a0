package io.hazardledger.registry.domain;

import io.hazardledger.contracts.enterprise.UnifiedSocialCreditCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GB 32100-2015 check character, as every write of the ledger verifies it. */
class UnifiedSocialCreditCodeTest {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** Characters outside the code's alphabet (I, O, S, V, Z are never used; nor are lower case or other scripts). */
    private static final String OUTSIDE = "IOSVZa-统 ";

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "913707866135003009", "12100000400000624D", "51110000500000314P",
            "Y1110000MA00000007"})
    void validCodesAreAcceptedAndEverySingleCharacterCorruptionIsRejected(String prefix17OrCode) {
        String code = prefix17OrCode.substring(0, 17) + UnifiedSocialCreditCode.checkCharacter(prefix17OrCode);
        assertTrue(UnifiedSocialCreditCode.isValid(code), code);
        for (int position = 0; position < 18; position++) {
            for (char c : (ALPHABET + OUTSIDE).toCharArray()) {
                if (c == code.charAt(position)) {
                    continue;
                }
                String corrupted = code.substring(0, position) + c + code.substring(position + 1);
                assertFalse(UnifiedSocialCreditCode.isValid(corrupted), "accepted " + corrupted + " (from " + code + ")");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43"})
    void aPublishedCodeIsValidAsItIs(String code) {
        assertTrue(UnifiedSocialCreditCode.isValid(code));
    }
}
