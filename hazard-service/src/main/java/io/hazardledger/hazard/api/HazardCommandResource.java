package io.hazardledger.hazard.api;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.hazard.RectificationPlan;
import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.http.IfMatch;
import io.hazardledger.eventstore.http.Idempotent;
import io.hazardledger.eventstore.http.RequestCaller;
import io.hazardledger.eventstore.http.RequestCorrelation;
import io.hazardledger.eventstore.http.Versioned;
import io.hazardledger.eventstore.store.EventStore;
import io.hazardledger.hazard.domain.Hazard;
import io.hazardledger.hazard.persistence.HazardRepository;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The commands of the hazard lifecycle. Each names its caller, takes {@code If-Match} and {@code Idempotency-Key},
 * and answers the hazard as it now stands: 404 out of scope, 403 for a role that may not, 409 in a state that does
 * not allow it, 400 naming the fields at fault.
 */
@Path("/api/hazards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HazardCommandResource {
    @Inject
    HazardRepository hazards;
    @Inject
    RequestCaller callers;
    @Inject
    RequestCorrelation correlation;

    @POST
    @Idempotent
    public Uni<Response> report(@Valid @NotNull HazardRequests.Report request) {
        Caller caller = callers.current();
        return hazards.report(caller, request.toReport(), correlation.commandContext())
                .map(l -> Versioned.created(URI.create("/api/hazards/" + l.state().id()),
                        HazardView.of(l.state(), l.version(), Instant.now()), l.version()));
    }

    @POST
    @Path("/{id}/reclassification")
    @Idempotent
    public Uni<Response> reclassify(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                    @Valid @NotNull HazardRequests.Reclassification r) {
        return run(id, ifMatch, (hazard, caller) -> hazard.reclassify(caller, r.severity(), r.reason(), r.major()));
    }

    /** The plan: 五落实 for a GENERAL hazard, the six items of 16号令 §15 and the plan document for a MAJOR one. */
    @POST
    @Path("/{id}/rectification")
    @Idempotent
    public Uni<Response> assignRectification(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                             @NotNull RectificationPlan plan) {
        return run(id, ifMatch, (hazard, caller) -> hazard.assignRectification(caller, plan, Instant.now()));
    }

    @POST
    @Path("/{id}/deadline-extension")
    @Idempotent
    public Uni<Response> extendDeadline(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                        @Valid @NotNull HazardRequests.DeadlineExtension r) {
        return run(id, ifMatch, (hazard, caller) -> hazard.extendDeadline(caller, r.deadline(), r.reason()));
    }

    @POST
    @Path("/{id}/completion")
    @Idempotent
    public Uni<Response> submitCompletion(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                          @Valid @NotNull HazardRequests.Completion r) {
        return run(id, ifMatch, (hazard, caller) -> hazard.submitCompletion(caller, r.summary(),
                r.evidence() == null ? List.of() : r.evidence(), Instant.now()));
    }

    @POST
    @Path("/{id}/verification")
    @Idempotent
    public Uni<Response> verify(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                @Valid @NotNull HazardRequests.Verification r) {
        return run(id, ifMatch, (hazard, caller) -> hazard.verify(caller, r.passed(), r.comment(), Instant.now()));
    }

    /** 销号 of a verified MAJOR hazard, by the regulator. */
    @POST
    @Path("/{id}/closure")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    public Uni<Response> close(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return run(id, ifMatch, (hazard, caller) -> hazard.close(caller, Instant.now()));
    }

    @POST
    @Path("/{id}/supervision")
    @Idempotent
    public Uni<Response> supervision(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                     @Valid @NotNull HazardRequests.SupervisionChange r) {
        return run(id, ifMatch, (hazard, caller) -> r.listed()
                ? hazard.listForSupervision(caller, r.level() == null ? io.hazardledger.contracts.hazard.SupervisionLevel.COUNTY : r.level(), r.noticeNumber())
                : hazard.liftSupervision(caller, r.reason()));
    }

    @POST
    @Path("/{id}/void")
    @Idempotent
    public Uni<Response> voidReport(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                    @Valid @NotNull HazardRequests.Voiding r) {
        return run(id, ifMatch, (hazard, caller) -> hazard.voidReport(caller, r.reason()));
    }

    @POST
    @Path("/{id}/reward")
    @Idempotent
    public Uni<Response> reward(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                @Valid @NotNull HazardRequests.Reward r) {
        return run(id, ifMatch, (hazard, caller) -> hazard.rewardReporter(caller, r.amountYuan()));
    }

    private Uni<Response> run(UUID id, String ifMatch, BiFunction<Hazard, Caller, List<DomainEvent>> command) {
        Caller caller = callers.current();
        Long expected = IfMatch.version(ifMatch);
        return hazards.execute(id, expected, hazard -> command.apply(hazard, caller), correlation.commandContext())
                .map(HazardCommandResource::answer);
    }

    private static Response answer(EventStore.Loaded<Hazard> loaded) {
        return Versioned.ok(HazardView.of(loaded.state(), loaded.version(), Instant.now()), loaded.version());
    }
}
