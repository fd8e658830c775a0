package io.hazardledger.contracts.hazard;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids the published language fixes. The hazard an inspection finding becomes has an id derived from the finding id,
 * so a finding delivered twice can only ever produce one hazard, and the inspection side can link to it at once.
 */
public final class HazardIds {
    private HazardIds() {
    }

    public static UUID ofFinding(UUID findingId) {
        return UUID.nameUUIDFromBytes(("hazard-of-finding:" + findingId).getBytes(StandardCharsets.UTF_8));
    }
}
