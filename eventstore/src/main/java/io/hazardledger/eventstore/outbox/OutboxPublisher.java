package io.hazardledger.eventstore.outbox;

import io.hazardledger.eventstore.EventCodec;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * Publishes a service's outbox to Kafka from one thread. Of all instances of a service only the holder of a
 * PostgreSQL advisory lock publishes; the lock lives on the connection the publisher also reads and marks rows
 * through, so an instance that loses its database session loses the lock with it and stops marking rows, and a
 * standby takes over from the first unpublished row: per-aggregate order holds across a fail-over, at the price
 * of a possible duplicate (consumers deduplicate by aggregate version).
 *
 * <p>Rows go out in outbox order and are marked published only once Kafka acknowledged them; a failure stops the
 * batch at the first unacknowledged row, so nothing after it is marked before it.
 */
public final class OutboxPublisher {
    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    /** Advisory lock key of the relay; advisory locks are per database, and each service has its own. */
    static final long LEADER_LOCK = 0x6f7574626f78L; // "outbox"
    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock($1) AS locked";
    private static final String UNLOCK = "SELECT pg_advisory_unlock($1)";
    private static final String PENDING = """
            SELECT o.id, o.topic, v.envelope FROM es_outbox o JOIN es_envelope v ON v.position = o.event_position
            WHERE o.published_at IS NULL ORDER BY o.id LIMIT $1""";
    private static final String MARK_PUBLISHED = "UPDATE es_outbox SET published_at = clock_timestamp() WHERE id = ANY($1)";
    private static final String MARK_FAILED = "UPDATE es_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1";
    private static final Duration STANDBY_POLL = Duration.ofSeconds(1);

    private final Pool pool;
    private final Producer<String, String> producer;
    private final OutboxConfig config;
    private final String service;
    private final LongConsumer onPublished;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile SqlConnection leaderConnection;
    private Thread worker;

    public OutboxPublisher(Pool pool, Producer<String, String> producer, OutboxConfig config, String service,
                           LongConsumer onPublished) {
        this.pool = pool;
        this.producer = producer;
        this.config = config;
        this.service = service;
        this.onPublished = onPublished;
    }

    public synchronized void start() {
        running = true;
        worker = new Thread(this::run, "outbox-publisher-" + service);
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops publishing, gives up the lock and closes the producer. */
    public void stop() throws InterruptedException {
        running = false;
        wakeUps.release();
        if (worker != null) {
            worker.join(config.sendTimeout().toMillis() + 5_000);
        }
        resign();
        producer.close(Duration.ofSeconds(5));
    }

    public void wakeUp() {
        wakeUps.release();
    }

    public boolean isLeader() {
        return leaderConnection != null;
    }

    private void run() {
        long backoffMillis = 0;
        while (running) {
            try {
                SqlConnection connection = leaderConnection;
                if (connection == null) {
                    if (!tryToLead()) {
                        wakeUps.tryAcquire(STANDBY_POLL.toMillis(), TimeUnit.MILLISECONDS);
                        continue;
                    }
                    connection = leaderConnection;
                }
                int count = publishBatch(connection);
                backoffMillis = 0;
                if (count < config.batchSize()) {
                    wakeUps.tryAcquire(config.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!isLeader() || !running) {
                    continue;
                }
                backoffMillis = Math.min(Math.max(100, backoffMillis * 2), config.maxBackoff().toMillis());
                LOG.warnf("Outbox publishing paused %d ms: %s", backoffMillis, e.getMessage());
                if (e instanceof DatabaseUnavailable) {
                    resign();
                }
                sleep(backoffMillis);
            }
        }
    }

    private boolean tryToLead() {
        SqlConnection connection;
        try {
            connection = pool.getConnection().await().atMost(config.sendTimeout());
        } catch (RuntimeException e) {
            LOG.debugf("No database connection to contend for the outbox: %s", e.getMessage());
            return false;
        }
        boolean locked;
        try {
            locked = connection.preparedQuery(TRY_LOCK).execute(Tuple.of(LEADER_LOCK)).await().atMost(config.sendTimeout())
                    .iterator().next().getBoolean("locked");
        } catch (RuntimeException e) {
            LOG.warnf("Could not contend for the outbox: %s", e.getMessage());
            locked = false;
        }
        if (!locked) {
            connection.closeAndForget();
            return false;
        }
        leaderConnection = connection;
        LOG.infof("%s publishes the outbox", service);
        return true;
    }

    private void resign() {
        SqlConnection connection = leaderConnection;
        leaderConnection = null;
        if (connection != null) {
            // The connection goes back to the pool with its session alive, so the lock is released explicitly; a
            // broken connection is dropped by the pool, and the lock dies with its session.
            connection.preparedQuery(UNLOCK).execute(Tuple.of(LEADER_LOCK))
                    .onTermination().call(connection::close)
                    .subscribe().with(ignored -> { }, failure -> { });
        }
    }

    private int publishBatch(SqlConnection connection) throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        database(() -> connection.preparedQuery(PENDING).execute(Tuple.of(config.batchSize()))
                .await().atMost(config.sendTimeout()).forEach(rows::add));
        if (rows.isEmpty()) {
            return 0;
        }
        // Metadata first: a send that waits for it and fails must not be followed by a later one of the same
        // aggregate that finds it and goes through, which would put the later version on Kafka first.
        rows.stream().map(row -> row.getString("topic")).distinct().forEach(producer::partitionsFor);
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            String json = row.getString("envelope");
            Future<RecordMetadata> ack = producer.send(
                    CloudEventRecords.of(row.getString("topic"), EventCodec.readEnvelope(json), json, service));
            acks.add(ack);
            if (ack.isDone() && failed(ack)) {
                break; // nothing after a refused record is sent in this round
            }
        }
        List<Long> acknowledged = new ArrayList<>(rows.size());
        RuntimeException failure = null;
        for (int i = 0; i < acks.size() && failure == null; i++) {
            long id = rows.get(i).getLong("id");
            try {
                awaitAck(acks.get(i), id);
                acknowledged.add(id);
            } catch (ExecutionException e) {
                failure = new IllegalStateException("Kafka did not acknowledge outbox row " + id + ": " + e.getMessage(), e);
                String reason = String.valueOf(e.getMessage());
                database(() -> connection.preparedQuery(MARK_FAILED).execute(Tuple.of(id, reason)).await().atMost(config.sendTimeout()));
            }
        }
        if (!acknowledged.isEmpty()) {
            database(() -> connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(acknowledged.toArray(new Long[0])))
                    .await().atMost(config.sendTimeout()));
            onPublished.accept(acknowledged.size());
        }
        if (failure != null) {
            throw failure;
        }
        return rows.size();
    }

    /**
     * Waits for Kafka's acknowledgement as long as it takes: giving up on a record that is still queued and sending
     * it again later would let the later records of this round, queued behind it, reach Kafka first.
     */
    private void awaitAck(Future<RecordMetadata> ack, long id) throws ExecutionException, InterruptedException {
        while (true) {
            try {
                ack.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (!running) {
                    throw new IllegalStateException("stopped while Kafka had not acknowledged outbox row " + id);
                }
                LOG.warnf("Kafka has not acknowledged outbox row %d for %s; still waiting (the producer retries in order)",
                        id, config.sendTimeout());
            }
        }
    }

    private static boolean failed(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private static void database(Runnable statement) {
        try {
            statement.run();
        } catch (RuntimeException e) {
            throw new DatabaseUnavailable(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The leader's session failed: the lock may be gone with it, so leadership is given up. */
    private static final class DatabaseUnavailable extends RuntimeException {
        DatabaseUnavailable(Throwable cause) {
            super("database: " + cause.getMessage(), cause);
        }
    }
}
