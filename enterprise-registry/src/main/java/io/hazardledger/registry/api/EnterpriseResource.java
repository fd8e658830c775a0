package io.hazardledger.registry.api;

import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.http.Idempotent;
import io.hazardledger.eventstore.http.IfMatch;
import io.hazardledger.eventstore.http.Paged;
import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.eventstore.http.RequestCaller;
import io.hazardledger.eventstore.http.RequestCorrelation;
import io.hazardledger.eventstore.http.Versioned;
import io.hazardledger.registry.domain.Enterprise;
import io.hazardledger.registry.persistence.EnterpriseRepository;
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
import java.util.UUID;

/** The supervision ledger (企业台账): register and look up enterprises, change their operating status. */
@Path("/api/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnterpriseResource {
    @Inject
    EnterpriseRepository enterprises;
    @Inject
    RequestCorrelation correlation;
    @Inject
    RequestCaller callers;

    @POST
    @Idempotent
    public Uni<Response> register(@Valid @NotNull RegisterEnterpriseRequest request) {
        var registered = Enterprise.register(UUID.randomUUID(), request.toRegistration());
        return enterprises.register(registered, correlation.commandContext())
                .map(record -> Versioned.created(URI.create("/api/enterprises/" + record.id),
                        EnterpriseView.of(record), record.version));
    }

    /**
     * A regulator of the enterprise's district changes its status (401 without a caller, 404 out of scope, 403 for
     * other roles, 409 to the status it has or from CLOSED). Suspension orders taken on inspections arrive as
     * events and suspend the enterprise without this call.
     */
    @POST
    @Idempotent
    @Path("/{id}/status")
    public Uni<Response> changeStatus(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch,
                                      @Valid @NotNull StatusChangeRequest request) {
        Caller caller = callers.current();
        return enterprises.execute(id, IfMatch.version(ifMatch),
                        enterprise -> enterprise.changeStatus(caller, request.status(), request.reason()),
                        correlation.commandContext())
                .map(record -> Versioned.ok(EnterpriseView.of(record), record.version));
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return enterprises.find(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Enterprise", id))
                .map(record -> Versioned.ok(EnterpriseView.of(record), record.version));
    }

    @GET
    public Uni<Response> list(@QueryParam("districtCode") @Pattern(regexp = "[0-9]{6}") String districtCode,
                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return enterprises.list(districtCode, page, size)
                .map(p -> new Paged<>(p.items().stream().map(EnterpriseView::of).toList(), p.total()).toResponse());
    }
}
