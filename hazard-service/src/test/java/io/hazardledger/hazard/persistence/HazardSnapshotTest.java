package io.hazardledger.hazard.persistence;

import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.hazard.domain.Hazard;
import io.hazardledger.hazard.domain.HazardStatus;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HazardSnapshotTest {
    @Test
    void aHazardReadsBackFromItsSnapshotUnchanged() {
        var policy = HazardRepository.HAZARDS.snapshots();
        Hazard hazard = new Hazard(UUID.randomUUID(), UUID.randomUUID(), "370181", Severity.MAJOR,
                HazardCategory.ELECTRICAL, HazardStatus.REPORTED);

        assertEquals(hazard, policy.read(policy.write(hazard)));
    }
}
