package io.hazardledger.reporting.messaging;

import io.hazardledger.eventstore.consumer.IdempotentConsumer;
import io.hazardledger.eventstore.consumer.IncomingRecord;
import io.hazardledger.reporting.persistence.GenerationProjection;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.VertxContextSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Feeds one generation from the three topics, on its own thread and in its own consumer group (so instances share
 * the partitions). Records go through the idempotent consumer in one transaction per partition, which applies each
 * at most once in effect; Kafka offsets are committed after each batch only to say how far the generation got.
 * <p>
 * Far behind the topics' ends (a rebuild, or a start after a long stop) the feeder gathers several polls before it
 * applies them ({@link CatchUp}): a hazard's events then more often meet in one batch and are folded into one row
 * write, and each partition's bookkeeping is paid once for more events. It then reads only as many partitions as it
 * applies side by side, the farthest behind, each up to its share of the records ({@link CatchUpFocus}), and applies
 * each partition's share in a transaction of its own, side by side. Near the ends it applies each poll as it comes,
 * in one transaction whatever partitions it spans: at the tail a poll holds a few records of several partitions, and
 * a transaction per partition cost the commands' pipeline a transaction per event. There the broker holds a fetch until enough has come or a short wait is over (the
 * connector's {@code fetch.min.bytes} and {@code fetch.max.wait.ms}), so a busy tail comes in polls of many events.
 */
final class ProjectionFeeder implements Runnable {
    private static final Logger LOG = Logger.getLogger(ProjectionFeeder.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_POLL_RECORDS = 5000;

    private final GenerationProjection projection;
    private final IdempotentConsumer idempotent;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<String> topics;
    private final ExecutorService partitions;
    private final CatchUp catchUp;
    private final int parallelism;
    private final MeterRegistry registry;
    /** Polled and not yet applied, per partition in the order read; values kept as the bytes read. */
    private final Map<TopicPartition, List<IncomingRecord>> pending = new LinkedHashMap<>();
    private int pendingCount;
    /** The partitions read while catching up (the others paused); empty near the topics' ends, where all are read. */
    private Set<TopicPartition> focus = Set.of();
    private volatile boolean running = true;
    private volatile boolean finished;

    ProjectionFeeder(GenerationProjection projection, IdempotentConsumer idempotent, String bootstrap, String groupId,
                     List<String> topics, int parallelism, CatchUp catchUp, MeterRegistry registry) {
        this.projection = projection;
        this.registry = registry;
        this.catchUp = catchUp;
        this.parallelism = parallelism;
        this.idempotent = idempotent;
        this.topics = topics;
        this.partitions = Executors.newFixedThreadPool(parallelism, r -> {
            Thread thread = new Thread(r, "projection-g" + projection.generation() + "-apply");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, Object> settings = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS,
                ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + ProcessHandle.current().pid()));
        for (String shared : List.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)) {
            settings.put(shared, connectorSetting(shared));
        }
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The session and fetch settings of the service's other consumers (the Kafka connector's): a killed instance hands
     * on alike, and the tail is fetched in the same steps.
     */
    private static String connectorSetting(String key) {
        return ConfigProvider.getConfig().getValue("mp.messaging.connector.smallrye-kafka." + key, String.class);
    }

    @Override
    public void run() {
        try (consumer) {
            consumer.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                    // Another instance takes them on from the committed offsets: what was read here is applied first.
                    // Not when stopping: what is pending is read again from the committed offsets by the next owner.
                    if (running) {
                        flush("handover", false);
                    }
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> lost) {
                    // Already another instance's: it reads them again from the committed offsets.
                    lost.forEach(pending::remove);
                    pendingCount = pending.values().stream().mapToInt(List::size).sum();
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
                    // The partitions are chosen again from the new assignment.
                    focus = Set.of();
                    consumer.resume(consumer.paused());
                }
            });
            while (running) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
                hold(polled);
                if (!focus.isEmpty()) {
                    // A poll that brought nothing ends the gathering: no waiting on a partition that gives nothing.
                    if (!polled.isEmpty() && pendingCount < catchUp.records() && !CatchUpFocus.gathered(focus, pending,
                            Math.max(1, catchUp.records() / parallelism), consumer::currentLag)) {
                        continue;
                    }
                    flush("catch-up", false);
                    focusOnFarthestBehind();
                } else if (farBehind()) {
                    focusOnFarthestBehind();
                }
                if (focus.isEmpty()) {
                    flush("tail", true);
                }
            }
        } catch (WakeupException stopping) {
            // stop() was called
        } catch (Throwable failure) {
            LOG.errorf(failure, "Projection generation %d stopped", projection.generation());
        } finally {
            partitions.shutdownNow();
            finished = true;
        }
    }

    private void hold(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> read = records.records(partition);
            List<IncomingRecord> held = pending.computeIfAbsent(partition, p -> new ArrayList<>(read.size()));
            read.forEach(record -> held.add(IncomingRecord.ofBytes(record)));
            pendingCount += read.size();
        }
    }

    /**
     * How far behind counts as catching up, and how many records to gather then.
     *
     * @param lag     records behind, over the partitions this instance reads: read and not yet applied, or not yet read
     * @param records most records held before they are applied
     */
    record CatchUp(long lag, int records) {
    }

    /**
     * Reads on from the partitions farthest behind (as many as are applied side by side) and pauses the others, while
     * the partitions together are at least {@code catchUp.lag()} records behind; otherwise reads all of them. Behind
     * counts what is still to be read and what was read and not yet applied.
     */
    private void focusOnFarthestBehind() {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        Map<TopicPartition, Long> lags = new HashMap<>();
        long behind = 0;
        for (TopicPartition partition : assigned) {
            long lag = Math.max(0, ends.getOrDefault(partition, 0L) - consumer.position(partition))
                    + pending.getOrDefault(partition, List.of()).size();
            lags.put(partition, lag);
            behind += lag;
        }
        focus = behind >= catchUp.lag() ? CatchUpFocus.farthestBehind(lags, parallelism) : Set.of();
        if (focus.isEmpty()) {
            consumer.resume(consumer.paused());
        } else {
            consumer.pause(assigned.stream().filter(p -> !focus.contains(p)).toList());
            consumer.resume(focus);
        }
    }

    /** Whether the records still to be read and those read and not yet applied are at least {@code catchUp.lag()}. */
    private boolean farBehind() {
        long lag = pendingCount;
        for (TopicPartition partition : consumer.assignment()) {
            lag += consumer.currentLag(partition).orElse(0);
        }
        return lag >= catchUp.lag();
    }

    /**
     * Applies what is pending and commits the position: nothing polled is ever committed unapplied. Also when
     * nothing is pending, as the position may have moved past transaction markers. Each batch is counted in
     * {@code reporting.projection.batch.records}, by why it was applied: gathered while catching up, at the topics'
     * tail, or before partitions were handed to another instance.
     *
     * @param together all partitions in one transaction, rather than one transaction per partition side by side
     */
    private void flush(String why, boolean together) {
        try {
            if (!pending.isEmpty()) {
                if (together) {
                    consume(pending.values().stream().flatMap(List::stream).toList());
                } else {
                    apply(pending.values());
                }
                registry.summary("reporting.projection.batch.records", "applied", why).record(pendingCount);
                pending.clear();
                pendingCount = 0;
            }
            consumer.commitSync();
        } catch (RuntimeException | Error failure) {
            throw failure;
        } catch (Throwable failure) {
            throw new IllegalStateException(failure);
        }
    }

    /**
     * One transaction per partition's share of the batch (a poison record falls back to one at a time), up to
     * {@code parallelism} partitions side by side: while one transaction waits for PostgreSQL, the next batch is
     * decoded and folded.
     */
    private void apply(Collection<List<IncomingRecord>> batches) throws Throwable {
        List<Future<Void>> applied = new ArrayList<>();
        for (List<IncomingRecord> batch : batches) {
            applied.add(partitions.submit(() -> consume(batch)));
        }
        for (Future<Void> each : applied) {
            try {
                each.get();
            } catch (ExecutionException failed) {
                throw failed.getCause();
            }
        }
    }

    private Void consume(List<IncomingRecord> batch) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> idempotent.consumeAll(projection, batch));
        } catch (Exception | Error failure) {
            throw failure;
        } catch (Throwable other) {
            throw new ExecutionException(other);
        }
    }

    /** Whether its thread has ended (stopped, or failed: the supervisor then starts a new feeder). */
    boolean finished() {
        return finished;
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }
}
