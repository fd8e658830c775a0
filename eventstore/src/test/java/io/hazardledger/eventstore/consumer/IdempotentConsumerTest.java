package io.hazardledger.eventstore.consumer;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.Topics;
import io.hazardledger.contracts.inspection.InspectionStarted;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.testing.StoreFixtures;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.hazardledger.eventstore.testing.TopicReader;
import io.hazardledger.eventstore.testing.TopicWriter;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class IdempotentConsumerTest {
    private static final AtomicLong OFFSETS = new AtomicLong();

    @Inject
    IdempotentConsumer consumer;
    @Inject
    RecordingHandler handler;
    @Inject
    MidStreamHandler midStream;
    @Inject
    OwnVersionsHandler ownVersions;

    private static EventEnvelope event(UUID aggregate, long version) {
        return TopicWriter.envelope(new InspectionStarted(aggregate, Instant.now()), aggregate, version, "370000", null, "c");
    }

    private void deliver(EventEnvelope event) {
        deliverRaw(event.aggregateId().toString(), EventCodec.write(event));
    }

    private void deliverRaw(String key, String value) {
        var record = new ConsumerRecord<>(Topics.INSPECTION_EVENTS, 0, OFFSETS.incrementAndGet(), key, value);
        StoreFixtures.await(() -> consumer.consume(handler, record));
    }

    private static long query(String sql) throws Exception {
        try (var connection = StoreFixtures.jdbc(); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private ConsumerRecord<String, String> record(EventEnvelope event) {
        return new ConsumerRecord<>(Topics.INSPECTION_EVENTS, 0, OFFSETS.incrementAndGet(), event.aggregateId().toString(),
                EventCodec.write(event));
    }

    /** As a batch's records come: the value as the bytes read off Kafka. */
    private IncomingRecord incoming(EventEnvelope event) {
        return new IncomingRecord(Topics.INSPECTION_EVENTS, 0, OFFSETS.incrementAndGet(), event.aggregateId().toString(),
                EventCodec.write(event).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aBatchIsAppliedInOrderOnceAndAPoisonEventInItIsParkedAsAlone() throws Exception {
        UUID clean = UUID.randomUUID();
        UUID poisoned = UUID.randomUUID();
        EventEnvelope c1 = event(clean, 1);
        EventEnvelope p1 = event(poisoned, 1);
        handler.poison(p1.eventId());

        StoreFixtures.await(() -> consumer.consumeAll(handler,
                List.of(incoming(c1), incoming(c1), incoming(event(clean, 2)))));
        assertEquals(List.of(1L, 2L), handler.versionsOf(clean));

        StoreFixtures.await(() -> consumer.consumeAll(handler, List.of(incoming(event(clean, 3)), incoming(p1),
                incoming(event(poisoned, 2)))));
        // The batch was rolled back and its records went one by one: clean v3 took effect once.
        assertEquals(3, query("SELECT last_version FROM es_consumer_stream WHERE aggregate_id = '" + clean + "'"));
        assertEquals(List.of(), handler.versionsOf(poisoned), "v1 parked, v2 waits behind it");
        assertEquals(2, Callers.admin().get("/api/admin/dead-letters?consumer=" + handler.name() + "&size=500").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.aggregateId == '" + poisoned + "' }.id").size());
    }

    @Test
    void aBatchRecordThatHoldsNoEnvelopeIsParkedWithItsBytesAsTextAndTheOthersApplied() throws Exception {
        UUID aggregate = UUID.randomUUID();
        String key = "not-an-envelope-" + aggregate;
        byte[] garbage = "{\"标题\": 隐患".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        IncomingRecord unreadable = new IncomingRecord(Topics.INSPECTION_EVENTS, 0, OFFSETS.incrementAndGet(), key, garbage);

        StoreFixtures.await(() -> consumer.consumeAll(handler,
                List.of(incoming(event(aggregate, 1)), unreadable, incoming(event(aggregate, 2)))));

        assertEquals(List.of(1L, 2L), handler.versionsOf(aggregate));
        assertEquals(1, query("SELECT count(*) FROM es_dead_letter WHERE record_key = '" + key
                + "' AND status = 'PARKED' AND value = '{\"标题\": 隐患'"));
    }

    @Test
    void aBatchSortsItsEventsAsOneByOneWould() throws Exception {
        UUID flowing = UUID.randomUUID();
        UUID skipping = UUID.randomUUID();
        UUID blocked = UUID.randomUUID();
        EventEnvelope b1 = event(blocked, 1);
        handler.poison(b1.eventId());
        deliver(b1); // parked: the batch must hold blocked's later event behind it
        deliver(event(flowing, 1));

        var batch = List.of(incoming(event(flowing, 1)), incoming(event(flowing, 2)), incoming(event(skipping, 1)),
                incoming(event(blocked, 2)), incoming(event(skipping, 3)), incoming(event(flowing, 2)), incoming(event(flowing, 3)));
        StoreFixtures.await(() -> consumer.consumeAll(handler, batch));

        assertEquals(List.of(1L, 2L, 3L), handler.versionsOf(flowing), "duplicates within and before the batch ignored");
        assertEquals(List.of(1L, 3L), handler.versionsOf(skipping));
        assertEquals(List.of(), handler.versionsOf(blocked));
        assertEquals(3, query("SELECT last_version FROM es_consumer_stream WHERE aggregate_id = '" + flowing + "'"));
        assertEquals(3, query("SELECT last_version FROM es_consumer_stream WHERE aggregate_id = '" + skipping + "'"));
        assertEquals(1, query("SELECT count(*) FROM es_consumer_gap WHERE aggregate_id = '" + skipping
                + "' AND expected_version = 2 AND received_version = 3"));
        assertEquals(1, query("SELECT count(*) FROM es_dead_letter WHERE aggregate_id = '" + blocked
                + "' AND status = 'WAITING' AND aggregate_version = 2"));
        assertTrue(query("SELECT next_offset FROM es_consumer_offset WHERE consumer = '" + handler.name()
                + "' AND topic = '" + Topics.INSPECTION_EVENTS + "' AND partition = 0") >= batch.get(6).offset() + 1);
    }

    @Test
    void twoBatchesCarryingTheSameEventAtOnceApplyItOnce() throws Exception {
        UUID aggregate = UUID.randomUUID();
        EventEnvelope v1 = event(aggregate, 1);
        handler.slow(v1.eventId(), Duration.ofMillis(1500));
        var first = java.util.concurrent.CompletableFuture.runAsync(
                () -> StoreFixtures.await(() -> consumer.consumeAll(handler, List.of(incoming(v1)))));
        Thread.sleep(500); // the first transaction holds the aggregate
        StoreFixtures.await(() -> consumer.consumeAll(handler, List.of(incoming(v1), incoming(event(aggregate, 2)))));
        first.get();
        assertEquals(List.of(1L, 2L), handler.versionsOf(aggregate),
                "the second batch waited for the first and saw v1 applied");
    }

    @Test
    void theSameEventDeliveredThreeTimesIsAppliedOnce() throws Exception {
        UUID aggregate = UUID.randomUUID();
        EventEnvelope first = event(aggregate, 1);
        deliver(first);
        deliver(first);
        deliver(first);
        assertEquals(List.of(1L), handler.versionsOf(aggregate));
        assertEquals(1, query("SELECT last_version FROM es_consumer_stream WHERE aggregate_id = '" + aggregate + "'"));
    }

    @Test
    void aPoisonEventIsParkedLaterEventsOfItsAggregateWaitAndARetryAppliesThemInOrder() {
        UUID poisoned = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        EventEnvelope v1 = event(poisoned, 1);
        EventEnvelope v2 = event(poisoned, 2);
        EventEnvelope v3 = event(poisoned, 3);
        handler.poison(v2.eventId());

        deliver(v1);
        deliver(v2);
        deliver(v3);
        deliver(event(other, 1));

        assertEquals(List.of(1L), handler.versionsOf(poisoned), "v3 waits behind the parked v2");
        assertEquals(List.of(1L), handler.versionsOf(other), "other aggregates carry on");
        List<Integer> ids = Callers.admin().get("/api/admin/dead-letters?consumer=" + handler.name() + "&size=500").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.aggregateId == '" + poisoned + "' }.id");
        assertEquals(2, ids.size());
        long parked = ids.get(0);
        Callers.admin().get("/api/admin/dead-letters/" + parked).then().body("status", equalTo("PARKED"))
                .body("aggregateVersion", equalTo(2));
        Callers.admin().get("/api/admin/dead-letters/" + ids.get(1)).then().body("status", equalTo("WAITING"));
        var mirrored = TopicReader.awaitByKey(Topics.deadLetterOf(Topics.INSPECTION_EVENTS), poisoned.toString(), 2,
                Duration.ofSeconds(30));
        assertTrue(TopicReader.header(mirrored.get(0), "dlq_reason").contains("cannot apply"));

        Callers.admin().post("/api/admin/dead-letters/" + ids.get(1) + "/retry").then().statusCode(409)
                .contentType("application/problem+json");
        Callers.admin().post("/api/admin/dead-letters/" + parked + "/retry").then().statusCode(409); // still poison

        handler.cure(v2.eventId()); // the cause is fixed
        Callers.admin().post("/api/admin/dead-letters/" + parked + "/retry").then().statusCode(200)
                .body("status", equalTo("RETRIED")).body("released", equalTo(1));
        assertEquals(List.of(1L, 2L, 3L), handler.versionsOf(poisoned));

        deliver(event(poisoned, 4));
        assertEquals(List.of(1L, 2L, 3L, 4L), handler.versionsOf(poisoned), "the aggregate flows again");
    }

    @Test
    void anUnreadableRecordIsParkedAndCanOnlyBeDiscarded() {
        String key = UUID.randomUUID().toString();
        deliverRaw(key, "{not an envelope");
        int id = Callers.admin().get("/api/admin/dead-letters?status=PARKED&size=500").then().statusCode(200).extract()
                .jsonPath().getInt("find { it.key == '" + key + "' }.id");
        Callers.admin().post("/api/admin/dead-letters/" + id + "/retry").then().statusCode(409);
        Callers.admin().post("/api/admin/dead-letters/" + id + "/discard").then().statusCode(200).body("status", equalTo("DISCARDED"));
        Callers.admin().get("/api/admin/dead-letters/" + id).then().body("status", equalTo("DISCARDED"));
    }

    @Test
    void aSkippedVersionIsReportedAndTheEventStillApplied() throws Exception {
        UUID aggregate = UUID.randomUUID();
        deliver(event(aggregate, 1));
        deliver(event(aggregate, 3));
        assertEquals(List.of(1L, 3L), handler.versionsOf(aggregate));
        assertEquals(1, query("SELECT count(*) FROM es_consumer_gap WHERE aggregate_id = '" + aggregate
                + "' AND expected_version = 2 AND received_version = 3"));
        deliver(event(aggregate, 2)); // arriving late, below the last applied version: a duplicate in effect
        assertEquals(List.of(1L, 3L), handler.versionsOf(aggregate));
    }

    @Test
    void aConsumerJoiningMidStreamTakesAnAggregatesFirstEventAsItsStartAndReportsLaterJumps() throws Exception {
        UUID aggregate = UUID.randomUUID();
        for (long version : new long[] {4, 5, 7}) {
            var record = record(event(aggregate, version));
            StoreFixtures.await(() -> consumer.consume(midStream, record));
        }
        assertEquals(List.of(4L, 5L, 7L), midStream.versionsOf(aggregate));
        assertEquals(1, query("SELECT count(*) FROM es_consumer_gap WHERE aggregate_id = '" + aggregate + "'"));
        assertEquals(1, query("SELECT count(*) FROM es_consumer_gap WHERE aggregate_id = '" + aggregate
                + "' AND consumer = 'eventstore-test.mid-stream' AND expected_version = 6 AND received_version = 7"));
    }

    @Test
    void versionsAHandlerKeepsItselfJudgeOrderAndDuplicatesAndNeverReachTheConsumersStreams() throws Exception {
        try (var connection = StoreFixtures.jdbc(); var statement = connection.createStatement()) {
            statement.execute(OwnVersionsHandler.TABLE);
        }
        UUID own = UUID.randomUUID();
        UUID recorded = UUID.randomUUID();
        StoreFixtures.await(() -> consumer.consumeAll(ownVersions, List.of(incoming(ownEvent(own, 1)),
                incoming(ownEvent(own, 2)), incoming(event(recorded, 1)), incoming(ownEvent(own, 2)),
                incoming(ownEvent(own, 4)))));

        assertEquals(List.of(1L, 2L, 4L), ownVersions.versionsOf(own));
        assertEquals(List.of(1L), ownVersions.versionsOf(recorded));
        assertEquals(4, query("SELECT version FROM test_own_version WHERE aggregate_id = '" + own + "'"));
        assertEquals(0, query("SELECT count(*) FROM es_consumer_stream WHERE aggregate_id = '" + own + "'"));
        assertEquals(1, query("SELECT last_version FROM es_consumer_stream WHERE consumer = '" + ownVersions.name()
                + "' AND aggregate_id = '" + recorded + "'"));
        assertEquals(1, query("SELECT count(*) FROM es_consumer_gap WHERE aggregate_id = '" + own
                + "' AND expected_version = 3 AND received_version = 4"));

        StoreFixtures.await(() -> consumer.consumeAll(ownVersions, List.of(incoming(ownEvent(own, 4)),
                incoming(ownEvent(own, 3)), incoming(ownEvent(own, 5)))));
        assertEquals(List.of(1L, 2L, 4L, 5L), ownVersions.versionsOf(own), "versions at or below the kept one ignored");
        assertEquals(5, query("SELECT version FROM test_own_version WHERE aggregate_id = '" + own + "'"));
    }

    private static EventEnvelope ownEvent(UUID aggregate, long version) {
        return TopicWriter.envelope(new InspectionStarted(aggregate, Instant.now()), aggregate, version,
                OwnVersionsHandler.OWN_DISTRICT, null, "c");
    }
}
