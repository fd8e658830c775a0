package io.hazardledger.hazard.api;

import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.eventstore.http.Paged;
import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.eventstore.http.Versioned;
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

import java.util.List;
import java.util.UUID;

/** Hazards (隐患): look-ups, lists and the audit trail of each. */
@Path("/api/hazards")
@Produces(MediaType.APPLICATION_JSON)
public class HazardResource {
    @Inject
    HazardRepository hazards;

    @GET
    public Uni<Response> list(@QueryParam("districtCode") @Pattern(regexp = "[0-9]{6}") String districtCode,
                              @QueryParam("enterpriseId") UUID enterpriseId,
                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return hazards.list(districtCode, enterpriseId, page, size)
                .map(p -> new Paged<>(p.items().stream().map(HazardView::of).toList(), p.total()).toResponse());
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return hazards.find(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Hazard", id))
                .map(r -> Versioned.ok(HazardView.of(r), r.version));
    }

    /** Every event of the hazard, oldest first, in the envelope of the published language. */
    @GET
    @Path("/{id}/events")
    public Uni<List<EventEnvelope>> events(@PathParam("id") UUID id) {
        return hazards.events(id).invoke(events -> {
            if (events.isEmpty()) {
                throw ProblemException.notFound("Hazard", id);
            }
        });
    }
}
