package io.hazardledger.hazard.domain;

import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.hazard.HazardIds;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.inspection.FindingRecorded;
import io.hazardledger.contracts.inspection.InspectionKind;

import java.time.Instant;
import java.util.UUID;

/** How an inspection finding becomes a hazard. */
public final class FindingHazards {
    private static final int TITLE_LENGTH = 60;

    private FindingHazards() {
    }

    /** Where the enterprise sits, from the local copy of the ledger; parts may be unknown (null). */
    public record Placement(String streetCode, String industryCode) {
        public static final Placement UNKNOWN = new Placement(null, null);
    }

    /** The id of the hazard a finding becomes (fixed by the published language). */
    public static UUID idOfFinding(UUID findingId) {
        return HazardIds.ofFinding(findingId);
    }

    public static HazardFound fromFinding(FindingRecorded finding, Placement placement, Instant recordedAt) {
        return new HazardFound(idOfFinding(finding.findingId()), finding.enterpriseId(), finding.districtCode(),
                placement.streetCode(), placement.industryCode(), sourceOf(finding.inspectionKind()),
                titleOf(finding.description()), finding.description(), finding.location(), finding.category(),
                finding.severity(), finding.inspectionId(), finding.findingId(), finding.evidence(), null, null,
                recordedAt);
    }

    static HazardSource sourceOf(InspectionKind kind) {
        return switch (kind) {
            case SHIFT_SHADOWING -> HazardSource.SHIFT_SHADOWING;
            case EXPERT_CHECKUP -> HazardSource.EXPERT_CHECKUP;
            case UNANNOUNCED -> HazardSource.UNANNOUNCED;
            case SELF_INSPECTION -> HazardSource.SELF_CHECK;
            case ENFORCEMENT, SPECIAL_CAMPAIGN -> HazardSource.INSPECTION;
        };
    }

    /** A finding has no title of its own: its description's first line, shortened. */
    static String titleOf(String description) {
        String firstLine = description.strip().lines().findFirst().orElse("");
        return firstLine.length() <= TITLE_LENGTH ? firstLine : firstLine.substring(0, TITLE_LENGTH - 1) + "…";
    }
}
