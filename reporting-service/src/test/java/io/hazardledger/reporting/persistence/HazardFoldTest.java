package io.hazardledger.reporting.persistence;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.hazard.DeadlineExtended;
import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardClosed;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.HazardVoided;
import io.hazardledger.contracts.hazard.RectificationAssigned;
import io.hazardledger.contracts.hazard.RectificationPlan;
import io.hazardledger.contracts.hazard.RectificationSubmitted;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.contracts.hazard.SupervisionLevel;
import io.hazardledger.contracts.hazard.SupervisionLifted;
import io.hazardledger.contracts.hazard.SupervisionListed;
import io.hazardledger.contracts.hazard.VerificationFailed;
import io.hazardledger.eventstore.consumer.ReadEvent;
import io.hazardledger.eventstore.testing.TopicWriter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Folding a batch of hazard events onto rows in memory, as {@link HazardRows} does before writing them once. */
class HazardFoldTest {
    private static final Instant FOUND = Instant.parse("2026-03-01T02:00:00Z");
    private static final LocalDate DEADLINE = LocalDate.parse("2026-03-31");
    private final UUID hazard = UUID.randomUUID();
    private final List<EventEnvelope> events = new ArrayList<>();

    private void add(DomainEvent payload) {
        events.add(TopicWriter.envelope(payload, hazard, events.size() + 1, "370102", null, "c"));
    }

    /** The events folded as they arrive from the consumer: each with its payload decoded once. */
    private Map<UUID, HazardRow> fold(int g, Map<UUID, HazardRow> rows) {
        return HazardRows.fold(g, rows, events.stream().map(ReadEvent::of).toList());
    }

    private HazardFound found() {
        return new HazardFound(hazard, UUID.randomUUID(), "370102", "370102001", "26", HazardSource.SELF_CHECK, "隐患",
                null, null, HazardCategory.values()[0], Severity.MAJOR, null, null, List.of(), null, null, FOUND);
    }

    @Test
    void aWholeLifeFoldsIntoOneRow() {
        add(found());
        add(new RectificationAssigned(hazard, new RectificationPlan("负责人", "措施", BigDecimal.TEN, DEADLINE, "预案",
                null, null, null, null)));
        add(new SupervisionListed(hazard, SupervisionLevel.CITY, "N-1", "市应急局", false));
        add(new SupervisionListed(hazard, SupervisionLevel.PROVINCE, "N-2", "省应急厅", false));
        add(new DeadlineExtended(hazard, DEADLINE, DEADLINE, DEADLINE.plusDays(10), "材料未到"));
        add(new RectificationSubmitted(hazard, "完成", List.of(), FOUND.plusSeconds(86_400), null));
        add(new VerificationFailed(hazard, "不合格", 1));

        Map<UUID, HazardRow> changed = fold(4, new HashMap<>());

        HazardRow row = changed.get(hazard);
        assertEquals(4, row.generation);
        assertEquals(events.size(), row.version, "the version of the last event");
        assertEquals(FOUND, row.foundAt);
        assertEquals("MAJOR", row.severity);
        assertEquals(0, BigDecimal.TEN.compareTo(row.fundsYuan));
        assertTrue(row.fiveItems);
        assertEquals(DEADLINE, row.originalDeadline);
        assertEquals(DEADLINE.plusDays(10), row.deadline);
        assertEquals("PROVINCE", row.supervisionLevel);
        assertEquals(events.get(2).occurredAt(), row.supervisionListedAt, "listed when first listed");
        assertEquals(FOUND.plusSeconds(86_400), row.submittedAt);
        assertFalse(row.awaitingVerification, "the failed verification ended the wait");
        assertNull(row.reviewDueBy);
    }

    @Test
    void closingLiftsSupervisionAndKeepsTheDeadlineWhenTheEventNamesNone() {
        HazardRow stored = HazardRow.found(1, TopicWriter.envelope(found(), hazard, 1, "370102", null, "c"), found());
        stored.deadline = DEADLINE;
        stored.supervisionLevel = "CITY";
        stored.awaitingVerification = true;
        Map<UUID, HazardRow> rows = new HashMap<>(Map.of(hazard, stored));
        events.add(TopicWriter.envelope(new HazardClosed(hazard, FOUND.plusSeconds(3600), null, null, true), hazard, 5,
                "370102", null, "c"));

        HazardRow row = fold(1, rows).get(hazard);

        assertEquals(FOUND.plusSeconds(3600), row.closedAt);
        assertTrue(row.onTime);
        assertEquals(DEADLINE, row.deadline);
        assertNull(row.supervisionLevel);
        assertFalse(row.awaitingVerification);
    }

    @Test
    void eventsOfAHazardWithoutARowChangeNothingAndAFindingStartsARowOnce() {
        add(new HazardVoided(hazard, "重复登记"));
        add(new SupervisionLifted(hazard, "解除"));
        assertTrue(fold(1, new HashMap<>()).isEmpty());

        HazardRow stored = HazardRow.found(1, TopicWriter.envelope(found(), hazard, 1, "370102", null, "c"), found());
        stored.title = "已登记";
        events.clear();
        add(found());
        events.set(0, TopicWriter.envelope(found(), hazard, 3, "370102", null, "c"));
        HazardRow again = fold(1, new HashMap<>(Map.of(hazard, stored))).get(hazard);
        assertEquals("已登记", again.title, "a second finding of a stored hazard changes none of its columns");
        assertEquals(3, again.version, "but its version, as for every event applied");
    }
}
