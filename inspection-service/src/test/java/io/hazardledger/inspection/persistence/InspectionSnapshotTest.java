package io.hazardledger.inspection.persistence;

import io.hazardledger.contracts.inspection.Checklist;
import io.hazardledger.contracts.inspection.InspectionKind;
import io.hazardledger.inspection.domain.Inspection;
import io.hazardledger.inspection.domain.InspectionStatus;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InspectionSnapshotTest {
    @Test
    void anInspectionReadsBackFromItsSnapshotUnchanged() {
        var policy = InspectionRepository.INSPECTIONS.snapshots();
        Inspection inspection = new Inspection(UUID.randomUUID(), UUID.randomUUID(), "370181",
                InspectionKind.SPECIAL_CAMPAIGN, "有限空间专项检查", Checklist.CONFINED_SPACE, InspectionStatus.IN_PROGRESS,
                2, 1, 1);

        assertEquals(inspection, policy.read(policy.write(inspection)));
    }
}
