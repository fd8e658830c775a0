package io.hazardledger.eventstore.http;

import io.hazardledger.eventstore.consumer.DeadLetter;
import io.hazardledger.eventstore.consumer.DeadLetters;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Dead letters of this service's consumers: list, retry, discard. */
@Path("/api/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class DeadLetterResource {
    @Inject
    DeadLetters deadLetters;

    @GET
    public Uni<List<DeadLetter>> list(@QueryParam("status") @Pattern(regexp = "PARKED|WAITING|RETRIED|DISCARDED") String status,
                                      @QueryParam("consumer") String consumer,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return deadLetters.list(status, consumer, page, size);
    }

    @GET
    @Path("/{id}")
    public Uni<DeadLetter> get(@PathParam("id") long id) {
        return deadLetters.find(id);
    }

    /** Applies a parked event again (after its cause was fixed), then the events that waited behind it. */
    @POST
    @Path("/{id}/retry")
    public Uni<DeadLetters.Resolution> retry(@PathParam("id") long id) {
        return deadLetters.retry(id);
    }

    /** Gives up on a parked event, then applies the events that waited behind it. */
    @POST
    @Path("/{id}/discard")
    public Uni<DeadLetters.Resolution> discard(@PathParam("id") long id) {
        return deadLetters.discard(id);
    }
}
