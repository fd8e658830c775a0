package io.hazardledger.inspection.api;

import java.util.UUID;

/** A recorded finding: hazard-service registers it as a hazard under the same finding id. */
public record FindingView(UUID findingId, UUID inspectionId, int findingsSoFar) {
}
