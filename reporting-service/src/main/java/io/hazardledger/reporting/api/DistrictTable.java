package io.hazardledger.reporting.api;

import java.time.LocalDate;
import java.util.List;

/** The district table: one row per district that has enterprises or hazards, and the total. */
public record DistrictTable(LocalDate from, LocalDate to, String timeZone, List<DistrictRow> districts, DistrictRow total) {
}
