package io.hazardledger.hazard.domain;

import io.hazardledger.contracts.hazard.SupervisionLevel;

/** A hazard's listing for supervision (挂牌督办): level, notice number (督办通知书编号) and the regulator. */
public record Supervision(SupervisionLevel level, String noticeNumber, String regulator, boolean automatic) {
}
