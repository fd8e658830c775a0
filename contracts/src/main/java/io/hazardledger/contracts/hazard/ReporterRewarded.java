package io.hazardledger.contracts.hazard;

import io.hazardledger.contracts.DomainEvent;

import java.math.BigDecimal;
import java.util.UUID;

/** The employee who reported the hazard was rewarded (内部报告奖励), once per hazard. */
public record ReporterRewarded(UUID hazardId, BigDecimal amountYuan, String reporter) implements DomainEvent {
}
