package io.hazardledger.reporting.api;

import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.domain.Role;
import io.hazardledger.eventstore.http.Idempotent;
import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.eventstore.http.RequestCaller;
import io.hazardledger.eventstore.http.RequestCorrelation;
import io.hazardledger.reporting.domain.Quarter;
import io.hazardledger.reporting.domain.QuarterlyFiling;
import io.hazardledger.reporting.domain.SafetyScore;
import io.hazardledger.reporting.persistence.ActivityRepository;
import io.hazardledger.reporting.persistence.Filings;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

/** The quarterly table with its filing status, and enterprises' safety profiles. */
@Path("/api")
public class ReportResource {
    static final String CSV = "text/csv";

    @Inject
    QuarterlyTables tables;
    @Inject
    Filings filings;
    @Inject
    ActivityRepository activity;
    @Inject
    ReportingClock clock;
    @Inject
    RequestCaller callers;
    @Inject
    RequestCorrelation correlation;
    @Inject
    StatisticsScope scope;

    @GET
    @Path("/reports/quarterly")
    @Produces({MediaType.APPLICATION_JSON, CSV + ";charset=UTF-8"})
    @Operation(summary = "Quarterly table", description = """
            One row per district and a total (16号令 §14): general/major found in the quarter, general/major closed by \
            its end, closureRate, fundsYuan, major listed for supervision, overdue at the quarter's end, and the \
            filing status. The table is due by the 14th of the next quarter's first month (Q4 also the annual table, \
            due 31 January). Fetching the table of an ended quarter records each district's table as produced \
            (QuarterlyTableProduced, once). JSON, or CSV with Accept: text/csv (UTF-8 with BOM for Excel).""")
    public Uni<Response> quarterly(@QueryParam("year") String yearParam, @QueryParam("quarter") String quarterParam,
                                   @jakarta.ws.rs.core.Context HttpHeaders headers) {
        Quarter quarter = new Quarter(Params.required("year", yearParam, 2000, 2100),
                Params.required("quarter", quarterParam, 1, 4));
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.valueOf(CSV)) && !t.isWildcardType());
        return tables.table(quarter, scope.district(null), correlation.commandContext()).map(table -> csv
                ? Response.ok(QuarterlyCsv.write(table), CSV + ";charset=UTF-8").header("Content-Disposition",
                        "attachment; filename=\"hazards-" + quarter.year() + "Q" + quarter.quarter() + ".csv\"").build()
                : Response.ok(table, MediaType.APPLICATION_JSON).build());
    }

    @POST
    @Idempotent
    @Path("/reports/quarterly/{year}/{quarter}/districts/{code}/sign-off")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign off a district's quarterly table", description = "By a regulator of the district, once "
            + "its table has been produced (409 before, and when already signed off). Records QuarterlyTableSignedOff.")
    public Uni<QuarterlyFiling> signOff(@PathParam("year") String yearParam, @PathParam("quarter") String quarterParam,
                                        @PathParam("code") String codeParam) {
        Quarter quarter = new Quarter(Params.required("year", yearParam, 2000, 2100),
                Params.required("quarter", quarterParam, 1, 4));
        String district = Params.district("code", codeParam);
        Caller caller = callers.current();
        caller.requireAllowed("sign off a quarterly table", EnumSet.of(Role.REGULATOR), null, district);
        Instant now = Instant.now();
        return filings.signOff(quarter, district,
                filing -> filing.signOff(quarter, district, caller.subject(), now, clock.today()),
                correlation.commandContext());
    }

    @GET
    @Path("/enterprises/{id}/safety-profile")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Safety profile (安全画像)", description = """
            Our rule: score = 100 − 15·majorOpen − 5·overdueOpen − 2·min(generalOpen, 10) − 10·min(enforcement \
            actions in the last 365 days, 3) − (blacklisted ? 20 : 0), floored at 0; rating A ≥ 90, B ≥ 75, C ≥ 60, \
            else D; suggested inspections per year A 1, B 2, C 4, D 12. Open = not closed and not voided, wherever \
            found; overdueOpen = open with a deadline in force before today (a MAJOR overdue hazard counts in both). \
            The factors list each term with its value and points.""")
    public Uni<SafetyProfile> safetyProfile(@PathParam("id") String idParam) {
        UUID id = Params.uuid("id", idParam);
        Instant since = Instant.now().minus(Duration.ofDays(365));
        return activity.standing(id, clock.today(), since).map(found -> found.map(s -> {
            scope.requireProfile(id, s.districtCode());
            SafetyScore score = SafetyScore.of(s.majorOpen(), s.overdueOpen(), s.generalOpen(), s.enforcementActions(),
                    s.blacklisted());
            return new SafetyProfile(id, s.name(), s.districtCode(), s.streetCode(), s.industryCode(), s.status(),
                    s.blacklisted(), score.score(), score.rating(), score.suggestedInspectionsPerYear(), score.factors());
        }).orElseThrow(() -> ProblemException.notFound("Enterprise", id)));
    }
}
