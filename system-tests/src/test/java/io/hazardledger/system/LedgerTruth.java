package io.hazardledger.system;

import io.hazardledger.contracts.Topics;
import io.hazardledger.eventstore.testing.Poll;
import io.hazardledger.eventstore.testing.TopicReader;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What must hold after a fault, checked against the services' own APIs and the topic: every accepted command took
 * effect exactly once and every refused one not at all, each hazard's events are numbered without gap or repeat,
 * Kafka carries the same events in per-aggregate order (a re-sent duplicate is allowed: consumers deduplicate by
 * version), and the district table counts what hazard-service holds.
 */
final class LedgerTruth {
    private static final Duration PROPAGATION = Duration.ofSeconds(90);

    private final RunningStack system;
    private final String district;

    LedgerTruth(RunningStack system, String district) {
        this.system = system;
        this.district = district;
    }

    /** Checks the effects of {@code sent} and the district table; returns a line of figures for the report. */
    String check(List<SteadyLoad.Sent> sent) {
        long started = System.nanoTime();
        awaitFindingsAsHazards(sent);
        long findings = System.nanoTime();
        List<JsonPath> hazards = hazardsOfDistrict();
        Map<String, List<String>> byTitle = new HashMap<>();
        Map<String, String> statusById = new HashMap<>();
        for (JsonPath page : hazards) {
            for (int i = 0; i < page.getList("$").size(); i++) {
                byTitle.computeIfAbsent(page.getString("[" + i + "].title"), t -> new ArrayList<>()).add(page.getString("[" + i + "].id"));
                statusById.put(page.getString("[" + i + "].id"), page.getString("[" + i + "].status"));
            }
        }
        // The hazards these commands touched; earlier ones were checked after their own fault.
        Set<String> touched = new HashSet<>();
        for (SteadyLoad.Sent s : sent) {
            if (s.hazardId() != null && statusById.containsKey(s.hazardId())) {
                touched.add(s.hazardId());
            }
            if (s.title() != null) {
                touched.addAll(byTitle.getOrDefault(s.title(), List.of()));
            }
        }
        Map<String, List<Map<String, Object>>> events = new HashMap<>();
        for (String id : touched) {
            List<Map<String, Object>> trail = system.as("analyst", null, null).get(system.url(2, "/api/hazards/" + id + "/events"))
                    .then().statusCode(200).extract().jsonPath().getList("$");
            for (int v = 0; v < trail.size(); v++) {
                assertEquals(v + 1L, ((Number) trail.get(v).get("aggregateVersion")).longValue(), "versions of " + id + " run 1..n");
            }
            assertEquals(trail.size(), trail.stream().map(e -> e.get("eventId")).distinct().count(), "event ids of " + id);
            events.put(id, trail);
        }
        for (SteadyLoad.Sent s : sent) {
            checkEffect(s, byTitle, events);
        }
        long store = System.nanoTime();
        int duplicates = checkTopic(events);
        long topic = System.nanoTime();
        checkDistrictTable();
        long table = System.nanoTime();
        long closed = statusById.values().stream().filter("CLOSED"::equals).count();
        return String.format("%d hazards (%d closed) in the district, %d touched with %d events, %d re-sent duplicates on Kafka; waited %d ms for findings,"
                        + " %d ms store, %d ms topic, %d ms district table", statusById.size(), closed, touched.size(),
                events.values().stream().mapToInt(List::size).sum(), duplicates, (findings - started) / 1_000_000,
                (store - findings) / 1_000_000, (topic - store) / 1_000_000, (table - topic) / 1_000_000);
    }

    private void checkEffect(SteadyLoad.Sent s, Map<String, List<String>> byTitle, Map<String, List<Map<String, Object>>> events) {
        SteadyLoad.Answer answer = s.answer();
        if ("report".equals(s.kind())) {
            List<String> ids = byTitle.getOrDefault(s.title(), List.of());
            if (answer == SteadyLoad.Answer.ACCEPTED) {
                assertEquals(List.of(s.hazardId()), ids, "an accepted report is one hazard: " + s.title());
            } else if (answer.mayHaveTakenEffect()) {
                assertTrue(ids.size() <= 1, "a report is at most one hazard: " + s.title());
            } else {
                assertEquals(List.of(), ids, "a report that reached no service left nothing: " + s.title());
            }
        } else if ("finding".equals(s.kind())) {
            if (answer == SteadyLoad.Answer.ACCEPTED) {
                List<Map<String, Object>> trail = events.get(s.hazardId());
                assertTrue(trail != null && trail.stream().filter(e -> "HazardFound".equals(e.get("type"))).count() == 1,
                        "an accepted finding is one hazard: " + s.hazardId());
            }
        } else {
            SteadyLoad.Step step = SteadyLoad.Step.valueOf(s.kind().toUpperCase());
            long times = events.get(s.hazardId()).stream().filter(e -> step.events.get(0).equals(e.get("type"))).count();
            if (answer == SteadyLoad.Answer.ACCEPTED) {
                assertEquals(1, times, s.kind() + " of " + s.hazardId() + " happened once");
            } else {
                assertTrue(times <= 1, s.kind() + " of " + s.hazardId() + " happened at most once");
            }
        }
    }

    /** Accepted findings become hazards through Kafka; that takes a moment, and longer after a fault. */
    private void awaitFindingsAsHazards(List<SteadyLoad.Sent> sent) {
        for (SteadyLoad.Sent s : sent) {
            if ("finding".equals(s.kind()) && s.answer() == SteadyLoad.Answer.ACCEPTED) {
                Poll.until(PROPAGATION, "the hazard of finding " + s.hazardId(), () ->
                        system.as("analyst", null, null).get(system.url(2, "/api/hazards/" + s.hazardId())).statusCode() == 200);
            }
        }
    }

    private List<JsonPath> hazardsOfDistrict() {
        List<JsonPath> pages = new ArrayList<>();
        int seen = 0;
        for (int page = 0; ; page++) {
            Response response = system.as("analyst", null, null)
                    .get(system.url(2, "/api/hazards?districtCode=" + district + "&sort=FOUND_ASC&size=200&page=" + page));
            response.then().statusCode(200);
            JsonPath body = response.jsonPath();
            pages.add(body);
            seen += body.getList("$").size();
            if (body.getList("$").isEmpty() || seen >= Long.parseLong(response.header("X-Total-Count"))) {
                return pages;
            }
        }
    }

    /** Kafka holds every stored event of these hazards, in version order per hazard; returns the re-sent ones. */
    private int checkTopic(Map<String, List<Map<String, Object>>> events) {
        int expected = events.values().stream().mapToInt(List::size).sum();
        List<ConsumerRecord<String, String>>[] records = new List[1];
        Poll.until(PROPAGATION, "the relay to publish every stored event", () -> {
            records[0] = TopicReader.readToEnd(system.kafkaBootstrap(), Topics.HAZARD_EVENTS, r -> events.containsKey(r.key()));
            return records[0].stream().map(r -> r.key() + "/" + JsonPath.from(r.value()).getLong("aggregateVersion"))
                    .distinct().count() >= expected;
        });
        Map<String, Long> highest = new HashMap<>();
        Set<String> distinct = new HashSet<>();
        int duplicates = 0;
        for (ConsumerRecord<String, String> r : records[0]) {
            JsonPath envelope = JsonPath.from(r.value());
            long version = envelope.getLong("aggregateVersion");
            long before = highest.getOrDefault(r.key(), 0L);
            assertTrue(version <= before + 1, "hazard " + r.key() + ": version " + version + " after " + before + " on Kafka");
            highest.put(r.key(), Math.max(before, version));
            Map<String, Object> stored = events.get(r.key()).get((int) version - 1);
            assertEquals(stored.get("eventId"), envelope.getString("eventId"), "the event on Kafka is the stored one");
            if (!distinct.add(r.key() + "/" + version)) {
                duplicates++;
            }
        }
        assertEquals(expected, distinct.size(), "every stored event is on Kafka");
        return duplicates;
    }

    /** reporting-service's district figures equal the counts of hazard-service's own list, once propagated. */
    private void checkDistrictTable() {
        String[] last = new String[1];
        try {
            Poll.until(PROPAGATION, "the district table to match hazard-service", () -> {
                long found = total(null);
                long closed = total("CLOSED");
                Map<String, Long> table = districtFigures();
                last[0] = "hazard-service found " + found + " closed " + closed + ", district table " + table;
                return table.get("found") == found && table.get("closed") == closed;
            });
        } catch (AssertionError e) {
            throw new AssertionError(last[0], e);
        }
    }

    private long total(String status) {
        return Long.parseLong(system.as("analyst", null, null)
                .get(system.url(2, "/api/hazards?districtCode=" + district + "&size=1" + (status == null ? "" : "&status=" + status)))
                .then().statusCode(200).extract().header("X-Total-Count"));
    }

    private Map<String, Long> districtFigures() {
        JsonPath table = system.as("analyst", null, null).get(system.url(3, "/api/stats/districts")).then().statusCode(200)
                .extract().jsonPath();
        int index = table.getList("districts.districtCode").indexOf(district);
        Function<String, Long> figure = name -> index < 0 ? 0L : table.getLong("districts[" + index + "]." + name);
        return Map.of("found", figure.apply("found"), "closed", figure.apply("closed"));
    }

    /** Counts of answers by kind, for the report. */
    static String summary(List<SteadyLoad.Sent> sent) {
        return sent.stream().collect(Collectors.groupingBy(SteadyLoad.Sent::answer, java.util.TreeMap::new, Collectors.counting()))
                .toString();
    }
}
