package io.hazardledger.reporting.domain;

import java.util.List;

/**
 * The safety profile's score (安全画像), our rule: 100 − 15·majorOpen − 5·overdueOpen − 2·min(generalOpen, 10)
 * − 10·min(enforcement actions in the last 365 days, 3) − (blacklisted ? 20 : 0), floored at 0. Rating A ≥ 90,
 * B ≥ 75, C ≥ 60, else D; suggested inspections per year A 1, B 2, C 4, D 12.
 */
public record SafetyScore(int score, String rating, int suggestedInspectionsPerYear, List<Factor> factors) {

    /** One term of the score: what was counted, its value, and the points it takes off. */
    public record Factor(String name, String rule, long value, int points) {
    }

    public static SafetyScore of(long majorOpen, long overdueOpen, long generalOpen, long enforcementActions,
                                 boolean blacklisted) {
        List<Factor> factors = List.of(
                new Factor("majorOpen", "−15 per open MAJOR hazard", majorOpen, (int) (-15 * majorOpen)),
                new Factor("overdueOpen", "−5 per open hazard past its deadline in force", overdueOpen, (int) (-5 * overdueOpen)),
                new Factor("generalOpen", "−2 per open GENERAL hazard, at most 10 counted", generalOpen,
                        (int) (-2 * Math.min(generalOpen, 10))),
                new Factor("enforcementActions", "−10 per enforcement action in the last 365 days, at most 3 counted",
                        enforcementActions, (int) (-10 * Math.min(enforcementActions, 3))),
                new Factor("blacklisted", "−20 when blacklisted", blacklisted ? 1 : 0, blacklisted ? -20 : 0));
        int score = Math.max(0, 100 + factors.stream().mapToInt(Factor::points).sum());
        String rating = score >= 90 ? "A" : score >= 75 ? "B" : score >= 60 ? "C" : "D";
        int inspections = switch (rating) {
            case "A" -> 1;
            case "B" -> 2;
            case "C" -> 4;
            default -> 12;
        };
        return new SafetyScore(score, rating, inspections, factors);
    }
}
