package io.hazardledger.inspection.api;

import io.hazardledger.contracts.inspection.EnforcementKind;

import java.math.BigDecimal;
import java.util.UUID;

/** An enforcement action just taken, with the inspection's count of them so far. */
public record EnforcementActionView(UUID actionId, UUID inspectionId, EnforcementKind kind, BigDecimal amountYuan,
                                    String noticeNumber, int enforcementActionsSoFar) {
}
