package io.hazardledger.reporting.api;

import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.reporting.persistence.StatisticsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;
import java.time.ZoneId;

/** Hazard statistics for regulators and analysts. */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {
    /** Periods without a start begin here: before any hazard the system can hold. */
    private static final LocalDate BEGINNING = LocalDate.of(2000, 1, 1);

    @Inject
    StatisticsRepository statistics;
    @ConfigProperty(name = "reporting.time-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @GET
    @Path("/districts")
    @Operation(summary = "District table", description = """
            One row per district with enterprises or hazards, and a total, for the period [from, to) in calendar days \
            of the reporting time zone (default Asia/Shanghai); from defaults to the beginning, to to tomorrow. \
            found = hazards whose HazardFound falls in the period, voided ones excluded; closed = of those, the ones \
            closed as of now; closureRate (整改率) = closed / found to four decimals, null when found = 0; \
            open = found − closed; majorFound and majorOpen restrict both to MAJOR hazards. A hazard stays in the \
            district where it was found, even if its enterprise later moves.""")
    public Uni<DistrictTable> districts(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        LocalDate start = from == null ? BEGINNING : from;
        LocalDate end = to == null ? LocalDate.now(zone).plusDays(1) : to;
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return statistics.byDistrict(start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant())
                .map(rows -> new DistrictTable(start, end, zone.getId(), rows, DistrictFigures.total(rows)));
    }
}
