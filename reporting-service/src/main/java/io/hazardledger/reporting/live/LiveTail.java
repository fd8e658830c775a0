package io.hazardledger.reporting.live;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * This instance's view of the feed's newest events. One poll of {@code live_event} every
 * {@code reporting.live.poll-every} (200 ms) serves every connected client from memory, however many there are; only
 * a client asking for events older than memory holds (a reconnection after a while) reads the table. Clients that
 * are up to date wait for the next arrival rather than polling themselves.
 * <p>
 * Polling rather than LISTEN/NOTIFY: the table is the truth either way (a notification would still be followed by
 * this read), polling needs no dedicated connection to keep listening and re-listening after a database restart,
 * and one query per instance every 200 ms costs nothing while adding at most 200 ms to the feed's latency.
 */
@ApplicationScoped
public class LiveTail {
    private static final Logger LOG = Logger.getLogger(LiveTail.class);
    private static final int POLL_BATCH = 1000;
    private static final Duration QUIET_WAKE_UP = Duration.ofSeconds(5);

    @Inject
    LiveEventRepository repository;
    @Inject
    LiveFeedConfig config;
    @Inject
    Vertx vertx;

    /** Events after {@link #base}, up to {@link #head}, by position; guarded by {@code this}. */
    private final TreeMap<Long, LiveEvent> recent = new TreeMap<>();
    private long base = -1; // -1 until the first read: nothing is served from memory before that
    private long head;
    private final AtomicBoolean polling = new AtomicBoolean();
    /**
     * Completed (and replaced) whenever newer events arrive, and every few seconds without: clients that are up to
     * date wait on it instead of polling, and none waits on a future that is never completed.
     */
    private volatile CompletableFuture<Void> advanced = new CompletableFuture<>();
    private volatile long wokenAt = System.nanoTime();

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(config.pollEvery().toMillis(), id -> poll());
    }

    /** Up to {@code limit} events after {@code cursor}, in order; empty when the feed has nothing newer yet. */
    public Uni<List<LiveEvent>> after(long cursor, int limit) {
        synchronized (this) {
            if (base >= 0 && cursor >= base) {
                List<LiveEvent> events = new ArrayList<>(Math.min(limit, recent.size()));
                for (LiveEvent event : recent.tailMap(cursor, false).values()) {
                    if (events.size() == limit) {
                        break;
                    }
                    events.add(event);
                }
                return Uni.createFrom().item(events);
            }
        }
        return repository.after(cursor, limit);
    }

    /**
     * Completes when newer events arrive after this call, or after a few quiet seconds. Take it before reading with
     * {@link #after}: then an arrival between the read and the wait is not missed.
     */
    public CompletableFuture<Void> nextArrival() {
        return advanced;
    }

    /** The newest position this instance has seen, or the table's newest before the first poll. */
    public Uni<Long> head() {
        synchronized (this) {
            if (base >= 0) {
                return Uni.createFrom().item(head);
            }
        }
        return repository.last();
    }

    private void poll() {
        if (System.nanoTime() - wokenAt > QUIET_WAKE_UP.toNanos()) {
            wakeWaiters();
        }
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        Uni<Void> read = base < 0
                ? repository.last().invoke(this::startAt).replaceWithVoid()
                : readNewer();
        read.subscribe().with(done -> polling.set(false), failure -> {
            polling.set(false);
            LOG.debugf("The live feed could not be read: %s", failure.getMessage());
        });
    }

    private Uni<Void> readNewer() {
        long from;
        synchronized (this) {
            from = head;
        }
        return repository.after(from, POLL_BATCH).chain(events -> {
            append(events);
            // A full batch means more are waiting: read on without waiting for the next tick.
            return events.size() == POLL_BATCH ? readNewer() : Uni.createFrom().voidItem();
        });
    }

    /** Drops what the pruning removed from the table, so that memory serves no more than the table would. */
    synchronized void forgetUpTo(long position) {
        if (base >= 0 && position > base) {
            recent.headMap(position, true).clear();
            base = position;
            head = Math.max(head, position);
        }
    }

    private synchronized void startAt(long position) {
        base = position;
        head = position;
    }

    private void append(List<LiveEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        synchronized (this) {
            for (LiveEvent event : events) {
                recent.put(event.position(), event);
                head = event.position();
            }
            while (recent.size() > config.memoryRows()) {
                base = recent.pollFirstEntry().getKey();
            }
        }
        wakeWaiters();
    }

    private void wakeWaiters() {
        wokenAt = System.nanoTime();
        CompletableFuture<Void> arrived = advanced;
        advanced = new CompletableFuture<>();
        arrived.complete(null);
    }
}
