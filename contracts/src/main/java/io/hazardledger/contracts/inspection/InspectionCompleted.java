package io.hazardledger.contracts.inspection;

import io.hazardledger.contracts.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * The inspection ended on site; it takes no more findings.
 *
 * @param summary            the inspectors' conclusion
 * @param findings           findings recorded in all
 * @param majorFindings      of which MAJOR
 * @param enforcementActions enforcement actions taken so far
 */
public record InspectionCompleted(
        UUID inspectionId,
        String summary,
        int findings,
        int majorFindings,
        int enforcementActions,
        Instant completedAt) implements DomainEvent {
}
