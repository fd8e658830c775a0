package io.hazardledger.reporting.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A district's (or every district's: code "all") hazard figures broken down by street, industry, category or severity. */
public record BreakdownTable(String districtCode, String by, LocalDate from, LocalDate to, String timeZone, List<Row> rows,
                             Figures total) {

    /** One group; {@code key} is the street code, industry code (GB/T 4754), category or severity ("" when unknown). */
    public record Row(@Schema(description = "The group's value of the breakdown attribute") String key,
                      @JsonUnwrapped Figures figures) {
    }
}
