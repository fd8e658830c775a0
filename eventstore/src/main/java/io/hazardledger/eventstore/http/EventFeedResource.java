package io.hazardledger.eventstore.http;

import io.hazardledger.eventstore.store.EventFeed;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Every event of this service's store in its global order, page by page: how a projection is rebuilt straight
 * from the event store when the topics no longer hold everything. Continue from the {@code next} checkpoint of
 * the previous page; an empty page means the reader is caught up.
 */
@Path("/api/admin/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventFeedResource {
    @Inject
    EventFeed feed;

    @GET
    public Uni<EventFeed.Page> read(@QueryParam("afterTransaction") @DefaultValue("0") @Pattern(regexp = "[0-9]{1,20}") String afterTransaction,
                                    @QueryParam("afterPosition") @DefaultValue("0") @Min(0) long afterPosition,
                                    @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit) {
        return feed.readAfter(new EventFeed.Checkpoint(afterTransaction, afterPosition), limit);
    }
}
