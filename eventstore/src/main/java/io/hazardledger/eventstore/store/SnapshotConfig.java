package io.hazardledger.eventstore.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of aggregate snapshots ({@code eventstore.snapshots.*}). */
@ConfigMapping(prefix = "eventstore.snapshots")
public interface SnapshotConfig {
    /** Events between two snapshots of an aggregate type that opted in without a number of its own. */
    @WithDefault("50")
    int every();
}
