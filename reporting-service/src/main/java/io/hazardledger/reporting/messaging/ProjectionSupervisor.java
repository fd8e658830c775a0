package io.hazardledger.reporting.messaging;

import io.hazardledger.eventstore.consumer.IdempotentConsumer;
import io.hazardledger.reporting.persistence.GenerationProjection;
import io.hazardledger.reporting.persistence.Generations;
import io.hazardledger.reporting.persistence.TableStatistics;
import io.hazardledger.reporting.persistence.Generations.Generation;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs a feeder for every generation that is ACTIVE or BUILDING (on every instance, so several instances share
 * the partitions), switches a BUILDING generation in once it has read up to the end offsets captured when it
 * started and is within {@code reporting.projection.switch-lag} events of the topics' ends, and then deletes the
 * retired generation's rows. Queries keep reading the old generation until the switch. It also keeps the read
 * tables' planner statistics current ({@link TableStatistics}).
 */
@ApplicationScoped
public class ProjectionSupervisor {
    private static final Logger LOG = Logger.getLogger(ProjectionSupervisor.class);

    @Inject
    Generations generations;
    @Inject
    TopicOffsets offsets;
    @Inject
    IdempotentConsumer idempotent;
    @Inject
    TableStatistics statistics;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "reporting.projection.check-interval", defaultValue = "1s")
    Duration interval;
    @ConfigProperty(name = "reporting.projection.switch-lag", defaultValue = "500")
    long switchLag;
    @ConfigProperty(name = "reporting.projection.drop-grace", defaultValue = "30s")
    Duration dropGrace;
    @ConfigProperty(name = "reporting.projection.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "reporting.projection.parallel-partitions", defaultValue = "2")
    int parallelPartitions;
    @ConfigProperty(name = "reporting.projection.catch-up-lag", defaultValue = "5000")
    long catchUpLag;
    @ConfigProperty(name = "reporting.projection.catch-up-records", defaultValue = "30000")
    int catchUpRecords;

    private final Map<Integer, ProjectionFeeder> feeders = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "projection-supervisor"));
        scheduler.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        feeders.values().forEach(ProjectionFeeder::stop);
    }

    /** Starts a rebuild; the new generation's number, or null when one is already building. */
    public Uni<Integer> rebuild() {
        return io.quarkus.vertx.VertxContextSupport.executeBlocking(offsets::endOffsets)
                .chain(target -> generations.startBuilding(target));
    }

    private void check() {
        try {
            List<Generation> current = await(generations::current);
            for (Generation g : current) {
                feeders.compute(g.number(), (n, feeder) -> feeder == null || feeder.finished() ? startFeeder(g) : feeder);
            }
            for (Generation g : current) {
                if ("BUILDING".equals(g.status()) && caughtUp(g) && await(() -> generations.activate(g.number()))) {
                    LOG.infof("Projection generation %d is active", g.number());
                }
            }
            // A generation retired, here or by another instance, is fed no more; its feeder is forgotten once ended.
            Set<Integer> fed = current.stream().map(Generation::number).collect(Collectors.toSet());
            feeders.forEach((n, feeder) -> {
                if (!fed.contains(n)) {
                    feeder.stop();
                }
            });
            feeders.entrySet().removeIf(e -> !fed.contains(e.getKey()) && e.getValue().finished());
            Map<Integer, String> retired = await(() -> generations.retiredWithRows(dropGrace));
            for (var entry : retired.entrySet()) {
                if (feeders.containsKey(entry.getKey())) {
                    continue; // its rows go once nothing writes them: a batch being applied would fail on a dropped table
                }
                await(() -> generations.drop(entry.getKey()));
                offsets.deleteGroup(entry.getValue());
                LOG.infof("Projection generation %d retired and dropped", entry.getKey());
            }
            await(statistics::refresh);
        } catch (Throwable failure) {
            LOG.warnf("Projection check failed, will retry: %s", failure.getMessage());
        }
    }

    private boolean caughtUp(Generation g) {
        Map<String, Long> reached = offsets.committed(g.groupId());
        boolean targetReached = g.target().entrySet().stream()
                .allMatch(t -> t.getValue() == 0 || reached.getOrDefault(t.getKey(), 0L) >= t.getValue());
        if (!targetReached) {
            return false;
        }
        long lag = offsets.endOffsets().entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - reached.getOrDefault(e.getKey(), 0L))).sum();
        return lag <= switchLag;
    }

    private ProjectionFeeder startFeeder(Generation g) {
        ProjectionFeeder feeder = new ProjectionFeeder(new GenerationProjection(g.number()), idempotent,
                offsets.bootstrap(), g.groupId(), TopicOffsets.TOPICS, parallelPartitions,
                new ProjectionFeeder.CatchUp(catchUpLag, catchUpRecords), registry);
        Thread thread = new Thread(feeder, "projection-g" + g.number());
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Feeding projection generation %d (%s) as group %s", g.number(), g.status(), g.groupId());
        return feeder;
    }

    private static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
