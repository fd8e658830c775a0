package io.hazardledger.hazard.domain;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.contracts.inspection.FindingRecorded;
import io.hazardledger.contracts.inspection.InspectionKind;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A hazard (隐患) and the rules of its lifecycle. */
public record Hazard(UUID id, UUID enterpriseId, String districtCode, Severity severity, HazardCategory category,
                     HazardStatus status) {
    public static final String STREAM_TYPE = "hazard";
    public static final Hazard NONE = null;
    private static final int TITLE_LENGTH = 60;

    /** Where the enterprise sits, from the local copy of the ledger; parts may be unknown (null). */
    public record Placement(String streetCode, String industryCode) {
        public static final Placement UNKNOWN = new Placement(null, null);
    }

    /**
     * The hazard a finding becomes. Its id is derived from the finding id, so a finding delivered twice can only
     * ever produce one hazard.
     */
    public static UUID idOfFinding(UUID findingId) {
        return UUID.nameUUIDFromBytes(("hazard-of-finding:" + findingId).getBytes(StandardCharsets.UTF_8));
    }

    public static HazardFound fromFinding(FindingRecorded finding, Placement placement) {
        return new HazardFound(idOfFinding(finding.findingId()), finding.enterpriseId(), finding.districtCode(),
                placement.streetCode(), placement.industryCode(), sourceOf(finding.inspectionKind()),
                titleOf(finding.description()), finding.description(), finding.location(), finding.category(),
                finding.severity(), finding.inspectionId(), finding.findingId(), finding.evidence());
    }

    public static Hazard apply(Hazard state, DomainEvent event) {
        if (event instanceof HazardFound found) {
            return new Hazard(found.hazardId(), found.enterpriseId(), found.districtCode(), found.severity(),
                    found.category(), HazardStatus.REPORTED);
        }
        return state;
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
