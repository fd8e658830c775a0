package io.hazardledger.hazard.api;

import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.http.RequestCaller;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.eventstore.http.Paged;
import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.eventstore.http.Versioned;
import io.hazardledger.hazard.domain.Hazard;
import io.hazardledger.hazard.domain.HazardStatus;
import io.hazardledger.hazard.persistence.HazardQuery;
import io.hazardledger.hazard.persistence.HazardRepository;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Hazards (隐患): the list, one hazard now or at an instant, and the audit trail of each. */
@Path("/api/hazards")
@Produces(MediaType.APPLICATION_JSON)
public class HazardResource {
    @Inject
    HazardRepository hazards;
    @Inject
    RequestCaller callers;

    /**
     * Hazards, filtered (every filter optional), paged ({@code X-Total-Count}) and sorted
     * ({@code FOUND_DESC} by default, {@code FOUND_ASC}, {@code DEADLINE_ASC}); found dates are calendar days in
     * Asia/Shanghai, [foundFrom, foundTo).
     */
    @GET
    public Uni<Response> list(@QueryParam("districtCode") @Pattern(regexp = "[0-9]{6}") String districtCode,
                              @QueryParam("streetCode") @Pattern(regexp = "[0-9]{9}|[0-9]{12}") String streetCode,
                              @QueryParam("enterpriseId") UUID enterpriseId,
                              @QueryParam("status") HazardStatus status,
                              @QueryParam("severity") Severity severity,
                              @QueryParam("source") HazardSource source,
                              @QueryParam("overdue") Boolean overdue,
                              @QueryParam("underSupervision") Boolean underSupervision,
                              @QueryParam("reviewOverdue") Boolean reviewOverdue,
                              @QueryParam("foundFrom") LocalDate foundFrom,
                              @QueryParam("foundTo") LocalDate foundTo,
                              @QueryParam("sort") @DefaultValue("FOUND_DESC") HazardQuery.Sort sort,
                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Instant now = Instant.now();
        var query = new HazardQuery(districtCode, streetCode, enterpriseId, status, severity, source, overdue,
                underSupervision, reviewOverdue, startOf(foundFrom), startOf(foundTo),
                now.atZone(Hazard.CALENDAR).toLocalDate(), now, sort, page, size);
        return hazards.list(query, callers.current())
                .map(p -> new Paged<>(p.items().stream().map(HazardSummary::of).toList(), p.total()).toResponse());
    }

    /** The hazard as it stands, with its version as ETag; with {@code asOf}, as it stood at that instant. */
    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id, @QueryParam("asOf") Instant asOf) {
        Caller caller = callers.current();
        var loaded = asOf == null ? hazards.load(id) : hazards.loadAsOf(id, asOf);
        Instant now = asOf == null ? Instant.now() : asOf;
        return loaded.map(l -> {
            if (!l.exists()) {
                throw ProblemException.notFound("Hazard", id + (asOf == null ? "" : " as of " + asOf));
            }
            caller.requireVisible(l.state().enterpriseId(), l.state().districtCode());
            return Versioned.ok(HazardView.of(l.state(), l.version(), now), l.version());
        });
    }

    /** Every event of the hazard, oldest first, each with its actor and time: the audit trail. */
    @GET
    @Path("/{id}/events")
    public Uni<List<EventEnvelope>> events(@PathParam("id") UUID id) {
        Caller caller = callers.current();
        return hazards.events(id).invoke(events -> {
            if (events.isEmpty()) {
                throw ProblemException.notFound("Hazard", id);
            }
            caller.requireVisible(events.get(0).enterpriseId(), events.get(0).districtCode());
        });
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(Hazard.CALENDAR).toInstant();
    }
}
