package io.hazardledger.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Open hazards that are overdue or listed for supervision (挂牌督办): overdue first, then the oldest deadline. */
public record Watchlist(List<Item> items) {

    public record Item(UUID hazardId, UUID enterpriseId,
                       @Schema(description = "The enterprise's name now; null when its registration has not arrived") String enterpriseName,
                       @Schema(description = "District where the hazard was found") String districtCode,
                       String title, String severity, String category, Instant foundAt,
                       @Schema(description = "Deadline in force (after extensions); null before a rectification is assigned") LocalDate deadline,
                       @Schema(description = "Deadline in force before today") boolean overdue,
                       boolean underSupervision,
                       @Schema(description = "COUNTY, CITY or PROVINCE when listed; else null") String supervisionLevel) {
    }
}
