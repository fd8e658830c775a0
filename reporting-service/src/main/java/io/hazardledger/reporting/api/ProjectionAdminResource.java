package io.hazardledger.reporting.api;

import io.hazardledger.eventstore.domain.Role;
import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.eventstore.http.RequestCaller;
import io.hazardledger.reporting.messaging.ProjectionSupervisor;
import io.hazardledger.reporting.messaging.TopicOffsets;
import io.hazardledger.reporting.persistence.GenerationProjection;
import io.hazardledger.reporting.persistence.Generations;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Operations on the reporting projection: where each generation stands, and a blue/green rebuild. */
@Path("/api/admin/projections")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionAdminResource {
    @Inject
    Generations generations;
    @Inject
    TopicOffsets offsets;
    @Inject
    ProjectionSupervisor supervisor;
    @Inject
    RequestCaller callers;

    @GET
    @Operation(summary = "Projection positions", description = "Per generation and partition: committed position, end "
            + "offset and lag; for a rebuild, its progress toward the end offsets captured when it started.")
    public Uni<ProjectionStatus> status() {
        return generations.current().chain(current -> VertxContextSupport.executeBlocking(() -> {
            Map<String, Long> ends = offsets.endOffsets();
            List<ProjectionStatus.Projection> projections = new ArrayList<>();
            for (Generations.Generation g : current) {
                projections.add(projection(g, offsets.committed(g.groupId()), ends));
            }
            return new ProjectionStatus(projections);
        }));
    }

    @POST
    @Path("/rebuild")
    @Operation(summary = "Rebuild the projection", description = """
            Starts a new generation that replays the three topics from their beginning in its own consumer group, \
            while queries keep reading the active generation. Once it has read up to the end offsets captured now \
            and is within reporting.projection.switch-lag events of the live ends, it becomes active in one \
            transaction and the old generation's rows are deleted. 202 with the new generation; 409 while a \
            rebuild is running. Admins only.""")
    public Uni<Response> rebuild() {
        var caller = callers.current();
        if (caller.role() != Role.ADMIN) {
            throw new io.hazardledger.eventstore.domain.Caller.Forbidden("rebuild projections", caller.role());
        }
        return supervisor.rebuild().map(generation -> {
            if (generation == null) {
                throw ProblemException.conflict("rebuild-running", "A rebuild is already running");
            }
            return Response.accepted(Map.of("generation", generation, "name", GenerationProjection.nameOf(generation),
                    "status", "BUILDING")).build();
        });
    }

    private static ProjectionStatus.Projection projection(Generations.Generation g, Map<String, Long> committed,
                                                          Map<String, Long> ends) {
        List<ProjectionStatus.Partition> partitions = new ArrayList<>();
        long lag = 0;
        long read = 0;
        long toRead = 0;
        TreeSet<String> keys = new TreeSet<>(ends.keySet());
        for (String key : keys) {
            int slash = key.lastIndexOf('/');
            long position = committed.getOrDefault(key, 0L);
            long end = ends.get(key);
            Long target = g.target().get(key);
            lag += Math.max(0, end - position);
            if (target != null) {
                read += Math.min(position, target);
                toRead += target;
            }
            partitions.add(new ProjectionStatus.Partition(key.substring(0, slash), Integer.parseInt(key.substring(slash + 1)),
                    position, end, Math.max(0, end - position), target));
        }
        BigDecimal progress = "BUILDING".equals(g.status())
                ? (toRead == 0 ? BigDecimal.ONE : BigDecimal.valueOf(read).divide(BigDecimal.valueOf(toRead), 4, RoundingMode.DOWN))
                : null;
        return new ProjectionStatus.Projection(GenerationProjection.nameOf(g.number()), g.number(), g.status(), g.groupId(),
                g.startedAt(), g.activatedAt(), lag, progress, partitions);
    }
}
