package io.hazardledger.contracts.report;

import io.hazardledger.contracts.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A regulator of the district signed off (签发) its quarterly table.
 *
 * @param onTime whether the sign-off came on or before the due date (reporting time zone)
 */
public record QuarterlyTableSignedOff(UUID filingId, int year, int quarter, String districtCode, String signedOffBy,
                                      Instant signedOffAt, boolean onTime) implements DomainEvent {
}
