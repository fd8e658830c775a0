package io.hazardledger.reporting.api;

import io.hazardledger.reporting.domain.SafetyScore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * An enterprise's safety profile (安全画像). Our rule: score = 100 − 15·majorOpen − 5·overdueOpen − 2·min(generalOpen, 10)
 * − 10·min(enforcement actions in the last 365 days, 3) − (blacklisted ? 20 : 0), floored at 0; rating A ≥ 90, B ≥ 75,
 * C ≥ 60, else D; suggested inspections per year A 1, B 2, C 4, D 12. Open hazards count wherever they were found.
 */
public record SafetyProfile(UUID enterpriseId, String name,
                            @Schema(description = "District where the enterprise is now") String districtCode,
                            String streetCode, String industryCode,
                            @Schema(description = "ACTIVE, SUSPENDED or CLOSED; null when its registration has not arrived") String status,
                            boolean blacklisted,
                            @Schema(description = "0–100") int score,
                            @Schema(description = "A, B, C or D") String rating,
                            int suggestedInspectionsPerYear,
                            @Schema(description = "Each term of the score with the value counted and the points it takes off")
                            List<SafetyScore.Factor> factors) {
}
