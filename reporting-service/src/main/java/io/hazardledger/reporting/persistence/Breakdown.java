package io.hazardledger.reporting.persistence;

import java.util.Arrays;
import java.util.Optional;

/** What a drill-down groups hazards by: always the value recorded when the hazard was found (severity: as now). */
public enum Breakdown {
    DISTRICT("h.district_code"),
    STREET("coalesce(h.street_code, '')"),
    INDUSTRY("coalesce(h.industry_code, '')"),
    CATEGORY("h.category"),
    SEVERITY("h.severity");

    final String column;

    Breakdown(String column) {
        this.column = column;
    }

    public static Optional<Breakdown> parse(String value) {
        return Arrays.stream(values()).filter(b -> b.name().equalsIgnoreCase(value)).findFirst();
    }
}
