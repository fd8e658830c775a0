package io.hazardledger.reporting.messaging;

import io.hazardledger.eventstore.consumer.IdempotentConsumer;
import io.hazardledger.reporting.persistence.GenerationProjection;
import io.quarkus.vertx.VertxContextSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Feeds one generation from the three topics, on its own thread and in its own consumer group (so instances share
 * the partitions). Each poll's records go through the idempotent consumer in one transaction per partition, which
 * applies each at most once in effect; Kafka offsets are committed after each batch only to say how far the
 * generation got.
 */
final class ProjectionFeeder implements Runnable {
    private static final Logger LOG = Logger.getLogger(ProjectionFeeder.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final GenerationProjection projection;
    private final IdempotentConsumer idempotent;
    private final KafkaConsumer<String, String> consumer;
    private final List<String> topics;
    private final ExecutorService partitions;
    private volatile boolean running = true;
    private volatile boolean finished;

    ProjectionFeeder(GenerationProjection projection, IdempotentConsumer idempotent, String bootstrap, String groupId,
                     List<String> topics, int parallelism) {
        this.projection = projection;
        this.idempotent = idempotent;
        this.topics = topics;
        this.partitions = Executors.newFixedThreadPool(parallelism, r -> {
            Thread thread = new Thread(r, "projection-g" + projection.generation() + "-apply");
            thread.setDaemon(true);
            return thread;
        });
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + ProcessHandle.current().pid(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, connectorSetting(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, connectorSetting(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG)),
                new StringDeserializer(), new StringDeserializer());
    }

    /** The session settings of the service's other consumers (the Kafka connector's), so a killed instance hands on alike. */
    private static String connectorSetting(String key) {
        return ConfigProvider.getConfig().getValue("mp.messaging.connector.smallrye-kafka." + key, String.class);
    }

    @Override
    public void run() {
        try (consumer) {
            consumer.subscribe(topics);
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    apply(records);
                }
                // Also after an empty poll: the position may have moved past transaction markers.
                consumer.commitSync();
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

    /**
     * One transaction per partition's share of the batch (a poison record falls back to one at a time), up to
     * {@code parallelism} partitions side by side: while one transaction waits for PostgreSQL, the next batch is
     * decoded and folded.
     */
    private void apply(ConsumerRecords<String, String> records) throws Throwable {
        List<Future<Void>> applied = new ArrayList<>();
        for (var partition : records.partitions()) {
            List<ConsumerRecord<String, String>> batch = records.records(partition);
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

    private Void consume(List<ConsumerRecord<String, String>> batch) throws Exception {
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
