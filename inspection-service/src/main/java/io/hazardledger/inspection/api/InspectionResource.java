package io.hazardledger.inspection.api;

import io.hazardledger.eventstore.http.Idempotent;
import io.hazardledger.eventstore.http.IfMatch;
import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.eventstore.http.RequestCorrelation;
import io.hazardledger.eventstore.http.Versioned;
import io.hazardledger.inspection.persistence.InspectionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** Inspections of enterprises and the findings recorded during them. */
@Path("/api/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InspectionResource {
    @Inject
    InspectionRepository inspections;
    @Inject
    RequestCorrelation correlation;

    @POST
    @Idempotent
    public Uni<Response> plan(@Valid @NotNull PlanInspectionRequest request) {
        return inspections.plan(request.enterpriseId(), request.toPlan(), correlation.commandContext())
                .map(r -> Versioned.created(URI.create("/api/inspections/" + r.id), InspectionView.of(r), r.version));
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return inspections.find(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Inspection", id))
                .map(r -> Versioned.ok(InspectionView.of(r), r.version));
    }

    @POST
    @Idempotent
    @Path("/{id}/start")
    @Consumes(MediaType.WILDCARD) // no body
    public Uni<Response> start(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return inspections.execute(id, IfMatch.version(ifMatch), inspection -> inspection.start(Instant.now()),
                        correlation.commandContext())
                .map(r -> Versioned.ok(InspectionView.of(r), r.version));
    }

    @POST
    @Idempotent
    @Path("/{id}/findings")
    public Uni<Response> recordFinding(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                       @Valid @NotNull RecordFindingRequest request) {
        UUID findingId = UUID.randomUUID();
        return inspections.execute(id, IfMatch.version(ifMatch),
                        inspection -> inspection.recordFinding(findingId, request.toFinding()), correlation.commandContext())
                .map(r -> Versioned.created(URI.create("/api/inspections/" + id + "/findings/" + findingId),
                        new FindingView(findingId, id, r.findings), r.version));
    }
}
