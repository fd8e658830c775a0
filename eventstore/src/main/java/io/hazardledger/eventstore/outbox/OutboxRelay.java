package io.hazardledger.eventstore.outbox;

import io.hazardledger.eventstore.EventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows to Kafka in outbox order (so per-aggregate order holds) with the idempotent producer and
 * acks=all, and marks a row published only after Kafka acknowledged it. A failure stops the batch at the first
 * unacknowledged row; the rest is sent again after a back-off, so consumers may see a duplicate, never a gap.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String PENDING = """
            SELECT o.id, o.topic, v.envelope FROM es_outbox o JOIN es_envelope v ON v.position = o.event_position
            WHERE o.published_at IS NULL ORDER BY o.id LIMIT $1""";
    private static final String MARK_PUBLISHED = "UPDATE es_outbox SET published_at = clock_timestamp() WHERE id = ANY($1)";
    private static final String MARK_FAILED = "UPDATE es_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1";

    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    @Inject
    Pool pool;
    @Inject
    OutboxConfig config;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private Counter published;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        published = registry.counter("eventstore.outbox.published");
        registry.gauge("eventstore.outbox.backlog", backlog);
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker == null) {
            return;
        }
        running = false;
        wakeUps.release();
        worker.join(config.sendTimeout().toMillis());
        producer.close(Duration.ofSeconds(5));
    }

    /** Asks the relay to look at the outbox now, e.g. right after a commit that wrote rows to it. */
    public void wakeUp() {
        wakeUps.release();
    }

    private Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, service + "-outbox-relay",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
    }

    private void run() {
        long backoffMillis = 0;
        while (running) {
            try {
                int count = publishBatch();
                backoffMillis = 0;
                if (count < config.batchSize()) {
                    wakeUps.tryAcquire(config.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoffMillis = Math.min(Math.max(100, backoffMillis * 2), config.maxBackoff().toMillis());
                LOG.warnf("Outbox relay paused %d ms: %s", backoffMillis, e.getMessage());
                sleep(backoffMillis);
            }
        }
    }

    private int publishBatch() throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(PENDING).execute(Tuple.of(config.batchSize())).await().atMost(config.sendTimeout())
                .forEach(rows::add);
        backlog.set(rows.size());
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            String json = row.getString("envelope");
            acks.add(producer.send(CloudEventRecords.of(row.getString("topic"), EventCodec.readEnvelope(json), json, service)));
        }
        List<Long> acknowledged = new ArrayList<>(rows.size());
        RuntimeException failure = null;
        for (int i = 0; i < rows.size() && failure == null; i++) {
            try {
                acks.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(rows.get(i).getLong("id"));
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                failure = new IllegalStateException("Kafka did not acknowledge outbox row " + rows.get(i).getLong("id"), e);
                pool.preparedQuery(MARK_FAILED).execute(Tuple.of(rows.get(i).getLong("id"), String.valueOf(e.getMessage())))
                        .await().atMost(config.sendTimeout());
            }
        }
        if (!acknowledged.isEmpty()) {
            pool.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(acknowledged.toArray(new Long[0])))
                    .await().atMost(config.sendTimeout());
            published.increment(acknowledged.size());
        }
        if (failure != null) {
            throw failure;
        }
        return rows.size();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
