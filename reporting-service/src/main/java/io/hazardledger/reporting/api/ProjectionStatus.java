package io.hazardledger.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The reporting projection's generations: the ACTIVE one queries read, and a BUILDING one while a rebuild runs. */
public record ProjectionStatus(List<Projection> projections) {

    public record Projection(
            @Schema(description = "Checkpoint name of the generation, e.g. reporting-service.projection.g2") String name,
            int generation,
            @Schema(description = "ACTIVE (queries read it) or BUILDING (a rebuild replaying from the start)") String status,
            @Schema(description = "Kafka consumer group feeding it") String groupId,
            Instant startedAt, Instant activatedAt,
            @Schema(description = "Sum of the partitions' lag, events") long lag,
            @Schema(description = "For a BUILDING generation: events read / events up to the end offsets captured when it started, four decimals") BigDecimal progress,
            List<Partition> partitions) {
    }

    public record Partition(String topic, int partition,
                            @Schema(description = "Next offset the generation will read (committed)") long position,
                            @Schema(description = "The partition's end offset now") long endOffset,
                            @Schema(description = "endOffset − position") long lag,
                            @Schema(description = "End offset when the generation started (rebuild target); null for the first generation") Long target) {
    }
}
