package io.hazardledger.inspection.persistence;

import io.hazardledger.contracts.inspection.InspectionKind;
import io.hazardledger.inspection.domain.InspectionStatus;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Filters of the inspection list; null means "any". {@code plannedFrom}/{@code plannedTo}: planned on a day in
 * [from, to]. Sorted by planned date, newest first, then id, so pages are stable.
 */
public record InspectionQuery(String districtCode, UUID enterpriseId, InspectionKind kind, String campaign,
                              String inspector, InspectionStatus status, LocalDate plannedFrom, LocalDate plannedTo,
                              int page, int size) {
}
