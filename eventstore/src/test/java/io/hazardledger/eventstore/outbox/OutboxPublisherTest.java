package io.hazardledger.eventstore.outbox;

import io.hazardledger.contracts.Topics;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.store.EventStore;
import io.hazardledger.eventstore.testing.Poll;
import io.hazardledger.eventstore.testing.StoreFixtures;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.eventstore.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OutboxPublisherTest {
    private static final Duration DELIVERY = Duration.ofSeconds(120);

    @Inject
    Pool pool;
    @Inject
    OutboxConfig config;
    @Inject
    EventStore store;
    @Inject
    Transactions transactions;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private OutboxPublisher publisher(String name) {
        return new OutboxPublisher(pool, new KafkaProducer<>(OutboxRelay.producerConfig(bootstrap, name, config),
                new StringSerializer(), new StringSerializer()), config, name, n -> { });
    }

    /** Appends {@code perStream} single-event commands to each stream, interleaved across streams. */
    private void commands(List<UUID> streams, int fromVersion, int perStream) {
        for (int v = fromVersion; v < fromVersion + perStream; v++) {
            for (UUID stream : streams) {
                StoreFixtures.append(transactions, store, stream, v - 1, 1);
            }
        }
    }

    private long unpublished(List<UUID> streams) {
        return StoreFixtures.await(() -> pool.preparedQuery("""
                SELECT count(*) AS n FROM es_outbox o JOIN es_event e ON e.position = o.event_position
                WHERE o.published_at IS NULL AND e.stream_id = ANY($1)""").execute(Tuple.of(streams.toArray(new UUID[0]))))
                .iterator().next().getLong("n");
    }

    private void terminateLeaderSession() {
        StoreFixtures.await(() -> pool.preparedQuery("""
                SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted
                AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = $1""")
                .execute(Tuple.of(OutboxPublisher.LEADER_LOCK)));
    }

    /**
     * What an idempotent consumer makes of the topic: per stream, the versions in arrival order with repeats of
     * versions already seen dropped. Order holds when that list is 1, 2, 3, … with nothing missing.
     */
    private static void assertEveryVersionInOrder(List<UUID> streams, int versions) {
        Set<String> keys = streams.stream().map(UUID::toString).collect(Collectors.toSet());
        Map<String, List<Long>> applied = new HashMap<>();
        for (ConsumerRecord<String, String> r : TopicReader.readToEnd(Topics.INSPECTION_EVENTS, r -> keys.contains(r.key()))) {
            long version = EventCodec.readEnvelope(r.value()).aggregateVersion();
            List<Long> seen = applied.computeIfAbsent(r.key(), k -> new ArrayList<>());
            long last = seen.isEmpty() ? 0 : seen.get(seen.size() - 1);
            assertTrue(version <= last + 1, "stream " + r.key() + " got version " + version + " after " + last);
            if (version == last + 1) {
                seen.add(version);
            }
        }
        for (UUID stream : streams) {
            assertEquals(versions, applied.getOrDefault(stream.toString(), List.of()).size(), "versions of " + stream);
        }
    }

    @Test
    void ofTwoPublishersOneLeadsAndTheOtherTakesOverWhenItDiesWithOrderKept() throws Exception {
        List<UUID> streams = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        OutboxPublisher first = publisher("relay-a");
        OutboxPublisher second = publisher("relay-b");
        first.start();
        Poll.until(Duration.ofSeconds(10), "a leader", first::isLeader);
        second.start();
        try {
            commands(streams, 1, 10);
            Poll.until(DELIVERY, "first half published", () -> unpublished(streams) == 0);
            assertTrue(first.isLeader());
            assertFalse(second.isLeader(), "only one publisher leads");

            terminateLeaderSession(); // the leader's process dies: its session and lock with it
            first.stop();
            Poll.until(Duration.ofSeconds(15), "the standby to take over", second::isLeader);
            commands(streams, 11, 10);
            Poll.until(DELIVERY, "second half published", () -> unpublished(streams) == 0);
        } finally {
            first.stop();
            second.stop();
        }
        assertEveryVersionInOrder(streams, 20);
    }

    @Test
    void commandsAcceptedWhileTheBrokerIsDownAllReachKafkaInOrderOnceItIsBack() throws Exception {
        Assumptions.assumeTrue(TestInfrastructure.controlsKafka(), "needs a broker this run may kill");
        List<UUID> streams = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            streams.add(UUID.randomUUID());
        }
        OutboxPublisher relay = publisher("relay-fault");
        relay.start();
        try {
            TestInfrastructure.killKafka();
            commands(streams, 1, 20); // 1,000 commands, each its own transaction, all accepted
            assertEquals(1000, unpublished(streams), "nothing could be published while the broker was down");
            TestInfrastructure.startKafka();
            Poll.until(DELIVERY, "all 1,000 events published", () -> unpublished(streams) == 0);
        } finally {
            relay.stop();
        }
        assertEveryVersionInOrder(streams, 20);
    }
}
