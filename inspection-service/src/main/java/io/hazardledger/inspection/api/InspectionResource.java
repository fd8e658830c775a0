package io.hazardledger.inspection.api;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.inspection.InspectionKind;
import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.http.Idempotent;
import io.hazardledger.eventstore.http.IfMatch;
import io.hazardledger.eventstore.http.Paged;
import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.eventstore.http.RequestCaller;
import io.hazardledger.eventstore.http.RequestCorrelation;
import io.hazardledger.eventstore.http.Versioned;
import io.hazardledger.inspection.domain.Inspection;
import io.hazardledger.inspection.domain.InspectionStatus;
import io.hazardledger.inspection.persistence.InspectionQuery;
import io.hazardledger.inspection.persistence.InspectionRecord;
import io.hazardledger.inspection.persistence.InspectionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Inspections of enterprises: planning, the visit with its findings, enforcement actions, completion and
 * cancellation. Every command names its caller (401 without), takes {@code If-Match} and {@code Idempotency-Key},
 * and answers with the inspection's version as ETag: 404 out of the caller's scope, 403 for a role that may not,
 * 409 in a state that does not allow it, 400 naming the fields at fault.
 */
@Path("/api/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InspectionResource {
    @Inject
    InspectionRepository inspections;
    @Inject
    RequestCaller callers;
    @Inject
    RequestCorrelation correlation;

    @POST
    @Idempotent
    public Uni<Response> plan(@Valid @NotNull PlanInspectionRequest request) {
        Caller caller = callers.current();
        return inspections.plan(caller, request.enterpriseId(), request.toPlan(), correlation.commandContext())
                .map(r -> Versioned.created(URI.create("/api/inspections/" + r.id), InspectionView.of(r), r.version));
    }

    /**
     * Inspections, filtered (every filter optional; planned dates inclusive), paged ({@code X-Total-Count}) and
     * sorted by planned date, newest first, then id.
     */
    @GET
    public Uni<Response> list(@QueryParam("districtCode") @Pattern(regexp = "[0-9]{6}") String districtCode,
                              @QueryParam("enterpriseId") UUID enterpriseId,
                              @QueryParam("kind") InspectionKind kind,
                              @QueryParam("campaign") String campaign,
                              @QueryParam("inspector") String inspector,
                              @QueryParam("status") InspectionStatus status,
                              @QueryParam("plannedFrom") LocalDate plannedFrom,
                              @QueryParam("plannedTo") LocalDate plannedTo,
                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var query = new InspectionQuery(districtCode, enterpriseId, kind, campaign, inspector, status, plannedFrom,
                plannedTo, page, size);
        return inspections.list(query, callers.current())
                .map(p -> new Paged<>(p.items().stream().map(InspectionView::of).toList(), p.total()).toResponse());
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        Caller caller = callers.current();
        return inspections.find(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Inspection", id))
                .invoke(r -> caller.requireVisible(r.enterpriseId, r.districtCode))
                .map(r -> Versioned.ok(InspectionView.of(r), r.version));
    }

    @POST
    @Idempotent
    @Path("/{id}/start")
    @Consumes(MediaType.WILDCARD) // no body
    public Uni<Response> start(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return run(id, ifMatch, (inspection, caller) -> inspection.start(caller, Instant.now()))
                .map(InspectionResource::answer);
    }

    @POST
    @Idempotent
    @Path("/{id}/findings")
    public Uni<Response> recordFinding(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                       @Valid @NotNull RecordFindingRequest request) {
        UUID findingId = UUID.randomUUID();
        return run(id, ifMatch, (inspection, caller) -> inspection.recordFinding(caller, findingId, request.toFinding()))
                .map(r -> Versioned.created(URI.create("/api/inspections/" + id + "/findings/" + findingId),
                        FindingView.of(findingId, id, r.findings), r.version));
    }

    /** 警告, 罚款, 没收违法所得, 停产停业整顿 (the registry then suspends the enterprise), 现场处理措施决定书, 约谈, 立案. */
    @POST
    @Idempotent
    @Path("/{id}/enforcement-actions")
    public Uni<Response> takeEnforcementAction(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                               @Valid @NotNull InspectionRequests.EnforcementAction request) {
        UUID actionId = UUID.randomUUID();
        return run(id, ifMatch, (inspection, caller) ->
                inspection.takeEnforcementAction(caller, actionId, request.toAction(), Instant.now()))
                .map(r -> Versioned.created(URI.create("/api/inspections/" + id + "/enforcement-actions/" + actionId),
                        new EnforcementActionView(actionId, id, request.kind(), request.amountYuan(),
                                request.noticeNumber(), r.enforcementActions), r.version));
    }

    @POST
    @Idempotent
    @Path("/{id}/complete")
    public Uni<Response> complete(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                  @Valid @NotNull InspectionRequests.Completion request) {
        return run(id, ifMatch, (inspection, caller) -> inspection.complete(caller, request.summary(), Instant.now()))
                .map(InspectionResource::answer);
    }

    @POST
    @Idempotent
    @Path("/{id}/cancel")
    public Uni<Response> cancel(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                @Valid @NotNull InspectionRequests.Cancellation request) {
        return run(id, ifMatch, (inspection, caller) -> inspection.cancel(caller, request.reason(), Instant.now()))
                .map(InspectionResource::answer);
    }

    private Uni<InspectionRecord> run(UUID id, String ifMatch, BiFunction<Inspection, Caller, DomainEvent> command) {
        Caller caller = callers.current();
        Long expected = IfMatch.version(ifMatch);
        return inspections.execute(id, expected, inspection -> command.apply(inspection, caller),
                correlation.commandContext());
    }

    private static Response answer(InspectionRecord r) {
        return Versioned.ok(InspectionView.of(r), r.version);
    }
}
