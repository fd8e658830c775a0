package io.hazardledger.contracts.hazard;

import io.hazardledger.contracts.DomainEvent;

import java.util.UUID;

/**
 * The hazard was listed for supervision (挂牌督办) at {@code level}, under notice {@code noticeNumber}
 * (督办通知书编号) by {@code regulator}. {@code automatic} when the system listed it because the hazard is MAJOR.
 */
public record SupervisionListed(UUID hazardId, SupervisionLevel level, String noticeNumber, String regulator,
                                boolean automatic) implements DomainEvent {
}
