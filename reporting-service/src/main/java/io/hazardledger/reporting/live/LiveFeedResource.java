package io.hazardledger.reporting.live;

import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.eventstore.http.RequestCaller;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The live feed of every event, as Server-Sent Events. */
@Path("/api/stream")
public class LiveFeedResource {
    @Inject
    RequestCaller requestCaller;
    @Inject
    LiveStream stream;
    @Inject
    LiveFeedConfig config;
    @Context
    Sse sse;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    // The data is JSON text already: written as text, not encoded as a JSON string a second time.
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Operation(summary = "Live feed of all events (Server-Sent Events)", description = """
            Every event of enterprise-, inspection- and hazard-events as it reaches reporting: SSE name = event type, \
            id = feed position, data = the event envelope (JSON). district and type take comma lists (none = all). \
            A caller with a district sees only that district (another district is 404), an enterprise user only its \
            own enterprise's events. To resume, send Last-Event-ID (header) or lastEventId (parameter): the events \
            after it are replayed first — up to reporting.live.replay-max of them, from the recent past kept \
            (reporting.live.retention, reporting.live.max-rows); when some may be missing a 'gap' event says so. \
            Without it the stream starts with the newest 'recent' events (default 0: only new ones). A comment \
            every reporting.live.heartbeat keeps idle connections open.""")
    public Multi<OutboundSseEvent> stream(@QueryParam("district") String district, @QueryParam("type") String type,
                                          @HeaderParam("Last-Event-ID") String lastEventIdHeader,
                                          @QueryParam("lastEventId") String lastEventIdParameter,
                                          @QueryParam("recent") Integer recent) {
        Caller caller = requestCaller.current();
        LiveFilter filter = LiveFilter.of(district, type, caller);
        Long lastEventId = position(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParameter);
        int backlog = recent == null ? 0 : recent;
        if (backlog < 0 || backlog > config.replayMax()) {
            throw ProblemException.invalid("recent", "must be between 0 and " + config.replayMax());
        }
        // The start is fixed before the response head is sent: whatever is appended after a client saw the head
        // reaches it.
        return stream.start(lastEventId, backlog).onItem().transformToMulti(start -> {
            Multi<OutboundSseEvent> opening = Multi.createFrom().items(start.gap()
                    ? new OutboundSseEvent[]{comment("connected"), gap(lastEventId, start)}
                    : new OutboundSseEvent[]{comment("connected")});
            Multi<OutboundSseEvent> feed = stream.from(start.cursor(), filter).map(this::event);
            Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().startingAfter(config.heartbeat()).every(config.heartbeat())
                    .onOverflow().drop().map(tick -> comment("heartbeat"));
            return Multi.createBy().merging().streams(
                    Multi.createBy().concatenating().streams(opening, feed), heartbeats);
        });
    }

    private OutboundSseEvent comment(String text) {
        return sse.newEventBuilder().comment(text).build();
    }

    private OutboundSseEvent event(LiveEvent event) {
        return sse.newEventBuilder().id(Long.toString(event.position())).name(event.type())
                .data(String.class, event.envelopeJson()).build();
    }

    private OutboundSseEvent gap(Long lastEventId, LiveStream.Start start) {
        return sse.newEventBuilder().name("gap").data(String.class,
                "{\"lastEventId\":" + lastEventId + ",\"resumedAfter\":" + start.cursor() + "}").build();
    }

    private static Long position(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(value.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("Last-Event-ID", "must be the id of an event of this feed (a position)");
    }
}
