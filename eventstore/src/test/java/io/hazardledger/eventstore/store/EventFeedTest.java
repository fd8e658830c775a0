package io.hazardledger.eventstore.store;

import io.hazardledger.eventstore.testing.StoreFixtures;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventFeedTest {
    private static final String INSERT = """
            INSERT INTO es_event (event_id, stream_type, stream_id, version, type, schema_version, occurred_at,
                                  actor_subject, actor_role, correlation_id, payload)
            VALUES (?, 'feed-test', ?, ?, 'InspectionStarted', 1, now(), 'test', 'test', 'feed-test',
                    jsonb_build_object('inspectionId', ?::text, 'startedAt', '2026-01-01T00:00:00Z'))""";

    @Inject
    EventFeed feed;

    private static UUID insert(Connection connection, UUID stream, int version) throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, eventId);
            insert.setObject(2, stream);
            insert.setInt(3, version);
            insert.setString(4, stream.toString());
            insert.executeUpdate();
        }
        return eventId;
    }

    /** Reads the whole feed from the start, keeping only the events of {@code streams}. */
    private List<UUID> readAll(Set<UUID> streams, EventFeed.Checkpoint[] checkpoint, List<UUID> into) {
        while (true) {
            EventFeed.Page page = StoreFixtures.await(() -> feed.readAfter(checkpoint[0], 100));
            page.events().stream().filter(e -> streams.contains(e.aggregateId())).forEach(e -> into.add(e.eventId()));
            checkpoint[0] = page.next();
            if (page.events().isEmpty()) {
                return into;
            }
        }
    }

    @Test
    void anEventWhosePositionIsTakenFirstButCommitsLastIsNotSkipped() throws SQLException {
        UUID slowStream = UUID.randomUUID();
        UUID fastStream = UUID.randomUUID();
        Set<UUID> streams = Set.of(slowStream, fastStream);
        try (Connection slow = StoreFixtures.jdbc(); Connection fast = StoreFixtures.jdbc()) {
            slow.setAutoCommit(false);
            UUID slowEvent = insert(slow, slowStream, 1); // takes the lower position, stays open
            UUID fastEvent = insert(fast, fastStream, 1); // higher position, committed at once

            EventFeed.Checkpoint[] checkpoint = {EventFeed.Checkpoint.START};
            List<UUID> seen = readAll(streams, checkpoint, new ArrayList<>());
            assertEquals(List.of(), seen, "nothing is read past a transaction still open");

            slow.commit();
            readAll(streams, checkpoint, seen);
            assertEquals(List.of(slowEvent, fastEvent), seen);
        }
    }

    @Test
    void concurrentWritersWithLateCommitsAndRollbacksAreReadExactlyOnceAndNoRolledBackEvent() throws Exception {
        int writers = 6;
        int transactionsEach = 25;
        Set<UUID> streams = ConcurrentHashMap.newKeySet();
        Set<UUID> committed = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            done.add(pool.submit(() -> {
                try (Connection connection = StoreFixtures.jdbc()) {
                    connection.setAutoCommit(false);
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int t = 0; t < transactionsEach; t++) {
                        UUID stream = UUID.randomUUID();
                        streams.add(stream);
                        List<UUID> events = new ArrayList<>();
                        for (int v = 1; v <= 1 + random.nextInt(3); v++) {
                            events.add(insert(connection, stream, v));
                        }
                        Thread.sleep(random.nextInt(15));
                        if (random.nextInt(5) == 0) {
                            connection.rollback();
                        } else {
                            connection.commit();
                            committed.addAll(events);
                        }
                    }
                }
                return null;
            }));
        }
        EventFeed.Checkpoint[] checkpoint = {EventFeed.Checkpoint.START};
        List<UUID> seen = Collections.synchronizedList(new ArrayList<>());
        while (done.stream().anyMatch(f -> !f.isDone())) {
            readAll(streams, checkpoint, seen);
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        pool.shutdown();
        readAll(streams, checkpoint, seen);

        assertEquals(seen.size(), new HashSet<>(seen).size(), "no event read twice");
        assertEquals(committed, new HashSet<>(seen), "every committed event read, none rolled back");
        assertTrue(committed.size() > writers * transactionsEach, "the run wrote events: " + committed.size());
    }
}
