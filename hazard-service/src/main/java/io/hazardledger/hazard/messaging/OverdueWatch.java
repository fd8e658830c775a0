package io.hazardledger.hazard.messaging;

import io.hazardledger.contracts.Actor;
import io.hazardledger.eventstore.CommandContext;
import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.hazard.domain.Hazard;
import io.hazardledger.hazard.persistence.HazardRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Marks hazards whose deadline in force has passed while still under rectification: one HazardOverdue per
 * deadline. Any number of instances may sweep at once: the aggregate decides "overdue" only once per deadline and
 * the store's version check lets only one of two racing instances append it, the other deciding again and finding
 * it done. After a restart the next sweep catches up on everything missed.
 */
@ApplicationScoped
public class OverdueWatch {
    private static final Logger LOG = Logger.getLogger(OverdueWatch.class);
    private static final String SERVICE = "hazard-service";
    private static final int BATCH = 500;

    @Inject
    HazardRepository hazards;
    @ConfigProperty(name = "hazard.overdue.check-every", defaultValue = "60s")
    Duration every;
    @ConfigProperty(name = "hazard.overdue.enabled", defaultValue = "true")
    boolean enabled;

    private ScheduledExecutorService schedule;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "overdue-watch"));
        schedule.scheduleWithFixedDelay(this::sweepNow, 5_000, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    private void sweepNow() {
        try {
            int marked = VertxContextSupport.subscribeAndAwait(() -> sweep(Instant.now()));
            if (marked > 0) {
                LOG.infof("Marked %d hazards overdue", marked);
            }
        } catch (Throwable e) {
            LOG.warnf("Overdue sweep failed, next one in %s: %s", every, e.getMessage());
        }
    }

    /** Marks every hazard overdue at {@code now}; returns how many of those it looked at are now marked. */
    public Uni<Integer> sweep(Instant now) {
        CommandContext context = new CommandContext(Actor.system(SERVICE), "overdue-sweep-" + now, "schedule");
        Caller system = Caller.system(SERVICE);
        return hazards.overdueCandidates(now.atZone(Hazard.CALENDAR).toLocalDate(), BATCH)
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(id -> hazards.execute(id, null, hazard -> hazard.markOverdue(system, now), context)
                        .map(loaded -> now.atZone(Hazard.CALENDAR).toLocalDate().isAfter(loaded.state().deadline())
                                && loaded.state().deadline().equals(loaded.state().overdueFor()) ? 1 : 0))
                .collect().asList()
                .map(marks -> marks.stream().mapToInt(Integer::intValue).sum());
    }
}
