package io.hazardledger.contracts.enterprise;

import java.util.regex.Pattern;

/** 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters, the last a check character. */
public final class UnifiedSocialCreditCode {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern SHAPE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");

    private UnifiedSocialCreditCode() {
    }

    /** Whether {@code code} has the right shape and its 18th character matches the weighted check. */
    public static boolean isValid(String code) {
        return code != null && SHAPE.matcher(code).matches() && code.charAt(17) == checkCharacter(code);
    }

    /** The check character for the first 17 characters of {@code code}. */
    public static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
