package io.hazardledger.reporting.persistence;

import io.hazardledger.contracts.Actor;
import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventCatalog;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.hazard.DeadlineExtended;
import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardClosed;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.hazard.HazardReclassified;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.HazardVoided;
import io.hazardledger.contracts.hazard.RectificationAssigned;
import io.hazardledger.contracts.hazard.RectificationPlan;
import io.hazardledger.contracts.hazard.RectificationSubmitted;
import io.hazardledger.contracts.hazard.ReporterRewarded;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.contracts.hazard.SupervisionLevel;
import io.hazardledger.contracts.hazard.SupervisionLifted;
import io.hazardledger.contracts.hazard.SupervisionListed;
import io.hazardledger.contracts.hazard.VerificationFailed;
import io.hazardledger.contracts.hazard.VerificationPassed;
import io.hazardledger.eventstore.EventCodec;
import io.hazardledger.eventstore.testing.TopicWriter;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded hazard lifecycles over the last 400 days in a few districts, every step taken at random: reclassified,
 * listed for supervision, assigned with or without the five items, extended, submitted, failed or passed, closed on
 * time or late, voided, rewarded; many still open, some past their deadline or awaiting review for too long.
 */
final class RandomHazardHistory {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final List<String> districts = new ArrayList<>();
    final List<EventEnvelope> events = new ArrayList<>();
    private final Random random;
    private final Instant now = Instant.now().minus(Duration.ofMinutes(1));

    RandomHazardHistory(long seed, int hazards, int districtCount) {
        random = new Random(seed);
        for (int i = 0; i < districtCount; i++) {
            districts.add(String.format("%02d%04d", 60 + i, random.nextInt(10_000)));
        }
        for (int i = 0; i < hazards; i++) {
            lifecycle();
        }
    }

    private void lifecycle() {
        UUID id = UUID.randomUUID();
        String district = districts.get(random.nextInt(districts.size()));
        Instant t = now.minus(Duration.ofMinutes(random.nextInt(400 * 24 * 60)));
        Severity severity = random.nextInt(10) == 0 ? Severity.MAJOR : Severity.GENERAL;
        HazardSource source = random.nextInt(5) == 0 ? HazardSource.EMPLOYEE_REPORT : HazardSource.SELF_CHECK;
        Lifecycle h = new Lifecycle(id, district, t);
        h.add(new HazardFound(id, UUID.randomUUID(), district, null, null, source, "隐患", "描述", "车间",
                HazardCategory.ELECTRICAL, severity, null, null, List.of(), null, null, t));
        if (severity == Severity.GENERAL && random.nextInt(10) == 0) {
            h.add(new HazardReclassified(id, Severity.GENERAL, Severity.MAJOR, "重大", null));
            severity = Severity.MAJOR;
        }
        boolean listed = severity == Severity.MAJOR && random.nextBoolean();
        if (listed) {
            h.add(new SupervisionListed(id, SupervisionLevel.COUNTY, "督1号", "reg", false));
        }
        if (source == HazardSource.EMPLOYEE_REPORT && random.nextBoolean()) {
            h.add(new ReporterRewarded(id, BigDecimal.valueOf(50 + random.nextInt(500)), "员工"));
        }
        if (random.nextInt(20) == 0) {
            h.add(new HazardVoided(id, "误报"));
            return;
        }
        if (random.nextInt(8) == 0) {
            return;
        }
        LocalDate deadline = LocalDate.ofInstant(h.at, SHANGHAI).plusDays(random.nextInt(60) - 5);
        h.add(new RectificationAssigned(id, new RectificationPlan("王工", "整改", BigDecimal.valueOf(random.nextInt(5000), 2),
                deadline, random.nextInt(4) == 0 ? null : "应急", null, null, null, null)));
        LocalDate inForce = deadline;
        if (random.nextInt(6) == 0) {
            inForce = deadline.plusDays(10 + random.nextInt(30));
            h.add(new DeadlineExtended(id, deadline, deadline, inForce, "延期"));
        }
        if (random.nextInt(5) == 0) {
            return;
        }
        Instant submitted = h.advance();
        h.add(new RectificationSubmitted(id, "已整改", List.of(), submitted, submitted.plus(Duration.ofDays(10))));
        if (random.nextInt(6) == 0) {
            h.add(new VerificationFailed(id, "未达标", 1));
            return;
        }
        if (random.nextInt(6) == 0) {
            return;
        }
        h.add(new VerificationPassed(id, "合格"));
        Instant closedAt = h.advance();
        h.add(new HazardClosed(id, closedAt, inForce, deadline, !LocalDate.ofInstant(closedAt, SHANGHAI).isAfter(inForce)));
        if (listed) {
            h.add(new SupervisionLifted(id, "销号"));
        }
    }

    /** One hazard's events, each a little after the one before and never after now. */
    private final class Lifecycle {
        private final UUID id;
        private final String district;
        private Instant at;
        private long version;

        Lifecycle(UUID id, String district, Instant at) {
            this.id = id;
            this.district = district;
            this.at = at;
        }

        Instant advance() {
            Instant next = at.plus(Duration.ofMinutes(1 + random.nextInt(20 * 24 * 60)));
            at = next.isAfter(now) ? now : next;
            return at;
        }

        void add(DomainEvent payload) {
            if (version > 0) {
                advance();
            }
            var descriptor = EventCatalog.of(payload);
            events.add(new EventEnvelope(UUID.randomUUID(), descriptor.type(), descriptor.schemaVersion(), id, ++version, at,
                    new Actor("test", "test"), "corr-" + id, null, district, null, EventCodec.toJson(payload)));
        }
    }

    void publish() {
        TopicWriter.publishAll(events);
    }
}
