package io.hazardledger.contracts.inspection;

import io.hazardledger.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An enforcement measure was taken on an inspection. A SUSPENSION_ORDER makes the registry set the enterprise
 * SUSPENDED (停产整顿).
 *
 * @param amountYuan   for FINE and CONFISCATION, in yuan; null otherwise
 * @param description  what was decided and why
 * @param noticeNumber number of the written decision (文书编号), when there is one
 */
public record EnforcementActionTaken(
        UUID inspectionId,
        UUID actionId,
        UUID enterpriseId,
        String districtCode,
        EnforcementKind kind,
        BigDecimal amountYuan,
        String description,
        String noticeNumber,
        Instant takenAt) implements DomainEvent {
}
