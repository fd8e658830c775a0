package io.hazardledger.reporting.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the live feed ({@code GET /api/stream}); the defaults are in application.properties. */
@ConfigMapping(prefix = "reporting.live")
public interface LiveFeedConfig {
    /** How long appended events stay replayable for reconnecting clients. */
    @WithDefault("7d")
    Duration retention();

    /** Most events kept, whatever their age. */
    @WithDefault("100000")
    int maxRows();

    /** How often the pruning runs. */
    @WithDefault("1m")
    Duration pruneEvery();

    /** How often this instance looks for newly appended events. */
    @WithDefault("200ms")
    Duration pollEvery();

    /** Recent events held in memory, so tailing clients never query the database. */
    @WithDefault("5000")
    int memoryRows();

    /** Most events replayed to one reconnecting client; beyond that it is told of a gap. */
    @WithDefault("10000")
    int replayMax();

    /** Interval of the heartbeat comment that keeps idle connections (and proxies) open. */
    @WithDefault("15s")
    Duration heartbeat();
}
