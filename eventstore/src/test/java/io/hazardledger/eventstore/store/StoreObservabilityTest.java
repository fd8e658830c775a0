package io.hazardledger.eventstore.store;

import io.hazardledger.eventstore.testing.Callers;
import io.hazardledger.eventstore.Transactions;
import io.hazardledger.eventstore.testing.Poll;
import io.hazardledger.eventstore.testing.StoreFixtures;
import io.hazardledger.eventstore.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.GLOBAL)
class StoreObservabilityTest {
    @Inject
    EventStore store;
    @Inject
    Transactions transactions;

    private static double metric(String name) {
        String body = Callers.admin().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(body);
        return m.find() ? Double.parseDouble(m.group(2)) : Double.NaN;
    }

    @Test
    void appendsAreCountedAndTheUnpublishedOutboxIsWatched() {
        double before = metric("eventstore_events_appended_total");
        UUID stream = UUID.randomUUID();
        StoreFixtures.append(transactions, store, stream, 0, 3);
        assertEquals((Double.isNaN(before) ? 0 : before) + 3, metric("eventstore_events_appended_total"));
        // No publisher runs in this test application, so the three rows stay in the outbox.
        Poll.until(Duration.ofSeconds(15), "the outbox backlog gauge", () -> metric("eventstore_outbox_backlog") >= 3);
        assertTrue(metric("eventstore_append_seconds_count") >= 1);
    }

    @Test
    void theAdminFeedPagesThroughEveryEventInGlobalOrder() {
        UUID stream = UUID.randomUUID();
        StoreFixtures.append(transactions, store, stream, 0, 2);
        List<Long> versions = new ArrayList<>();
        String transaction = "0";
        long position = 0;
        while (true) {
            JsonPath page = Callers.admin().get("/api/admin/events?limit=7&afterTransaction=" + transaction + "&afterPosition=" + position)
                    .then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("events.aggregateId");
            if (ids.isEmpty()) {
                break;
            }
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i).equals(stream.toString())) {
                    versions.add(page.getLong("events[" + i + "].aggregateVersion"));
                }
            }
            transaction = page.getString("next.transactionId");
            position = page.getLong("next.position");
        }
        assertEquals(List.of(1L, 2L), versions);
        Callers.admin().get("/api/admin/events?afterTransaction=abc").then().statusCode(400).contentType("application/problem+json");
    }
}
