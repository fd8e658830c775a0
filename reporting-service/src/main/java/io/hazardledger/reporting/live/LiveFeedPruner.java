package io.hazardledger.reporting.live;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Keeps the feed to its recent past: removes events older than {@code reporting.live.retention} and all but the
 * newest {@code reporting.live.max-rows}. Every instance prunes; the deletes are the same, so running them twice
 * does no harm. (Another instance may still hold a pruned event among its newest in memory and replay it: that
 * happens only when max-rows is below memory-rows, and it is an event more, never one less.)
 */
@ApplicationScoped
public class LiveFeedPruner {
    private static final Logger LOG = Logger.getLogger(LiveFeedPruner.class);

    @Inject
    LiveEventRepository repository;
    @Inject
    LiveFeedConfig config;
    @Inject
    LiveTail tail;
    @Inject
    Vertx vertx;

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(config.pruneEvery().toMillis(), id -> prune());
    }

    void prune() {
        prune(config.retention(), config.maxRows()).subscribe().with(
                removed -> {
                    if (removed > 0) {
                        LOG.debugf("Pruned %d events from the live feed", removed);
                    }
                },
                failure -> LOG.warnf("Could not prune the live feed: %s", failure.getMessage()));
    }

    /** Prunes the table, and this instance's memory of it, so that what is pruned is replayed to no one. */
    public Uni<Long> prune(Duration retention, int maxRows) {
        return repository.prune(retention.toSeconds(), maxRows)
                .invoke(pruned -> tail.forgetUpTo(pruned.upTo()))
                .map(LiveEventRepository.Pruned::removed);
    }
}
