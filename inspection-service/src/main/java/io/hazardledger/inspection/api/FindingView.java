package io.hazardledger.inspection.api;

import io.hazardledger.contracts.hazard.HazardIds;

import java.util.UUID;

/**
 * A recorded finding and the hazard it becomes: hazard-service registers it under {@code hazardId}
 * ({@code GET /api/hazards/{hazardId}} on hazard-service, a moment later).
 */
public record FindingView(UUID findingId, UUID inspectionId, int findingsSoFar, UUID hazardId) {

    static FindingView of(UUID findingId, UUID inspectionId, int findingsSoFar) {
        return new FindingView(findingId, inspectionId, findingsSoFar, HazardIds.ofFinding(findingId));
    }
}
