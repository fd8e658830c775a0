package io.hazardledger.reporting.live;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Keeps the feed to its recent past: removes events older than {@code reporting.live.retention} and all but the
 * newest {@code reporting.live.max-rows}. Every instance prunes; the deletes are the same, so running them twice
 * does no harm.
 */
@ApplicationScoped
public class LiveFeedPruner {
    private static final Logger LOG = Logger.getLogger(LiveFeedPruner.class);

    @Inject
    LiveEventRepository repository;
    @Inject
    LiveFeedConfig config;
    @Inject
    Vertx vertx;

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(config.pruneEvery().toMillis(), id -> prune());
    }

    void prune() {
        repository.prune(config.retention().toSeconds(), config.maxRows()).subscribe().with(
                removed -> {
                    if (removed > 0) {
                        LOG.debugf("Pruned %d events from the live feed", removed);
                    }
                },
                failure -> LOG.warnf("Could not prune the live feed: %s", failure.getMessage()));
    }
}
