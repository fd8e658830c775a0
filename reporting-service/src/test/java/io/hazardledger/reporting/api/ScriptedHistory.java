package io.hazardledger.reporting.api;

import io.hazardledger.contracts.Actor;
import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventCatalog;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.enterprise.EnterpriseBlacklisted;
import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.enterprise.EnterpriseRelocated;
import io.hazardledger.contracts.enterprise.SupervisionCategory;
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
import io.hazardledger.contracts.hazard.SupervisionListed;
import io.hazardledger.contracts.hazard.VerificationFailed;
import io.hazardledger.contracts.hazard.VerificationPassed;
import io.hazardledger.contracts.inspection.EnforcementActionTaken;
import io.hazardledger.contracts.inspection.EnforcementKind;
import io.hazardledger.contracts.inspection.FindingRecorded;
import io.hazardledger.contracts.inspection.InspectionCancelled;
import io.hazardledger.contracts.inspection.InspectionKind;
import io.hazardledger.contracts.inspection.InspectionPlanned;
import io.hazardledger.contracts.inspection.InspectionStarted;
import io.hazardledger.eventstore.EventCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A scripted history of one district in January 2025, whose figures the tests work out by hand:
 * <ul>
 * <li>E1, E2, E3 registered in the district; E3 later relocates to a second district; E2 is blacklisted.</li>
 * <li>H1 (E1, GENERAL, street S1) found 5 Jan 02:00Z, five items, ¥1000, closed on time 15 Jan 02:00Z (10 days).</li>
 * <li>H2 (E1, GENERAL, S1) found 6 Jan, plan without emergency measures, ¥500, deadline extended to 2099.</li>
 * <li>H3 (E2, GENERAL→MAJOR, S1) found 7 Jan, listed (CITY) 8 Jan, five items ¥2000, deadline 1 Mar 2025,
 *     submitted then failed verification: open and overdue.</li>
 * <li>H4 (E2, MAJOR, S1) found 10 Jan, five items ¥3000, deadline 2099, submitted 20 Jan, review due 30 Jan:
 *     awaiting review for more than 10 days.</li>
 * <li>H5 (E1) found 11 Jan and voided.</li>
 * <li>H6 (E3, GENERAL, street S2, employee report) found 12 Jan 02:00Z, five items ¥100, reward ¥200, closed late
 *     22 Jan 14:00Z (10.5 days).</li>
 * <li>H7 (E1, GENERAL) found 20 Dec 2024, ¥700 assigned in December, closed 3 Jan 2025.</li>
 * <li>I1 on E1 started 9 Jan with two findings and a ¥5000 fine that day, plus a warning 10 days ago;
 *     I2 on E2 started and cancelled.</li>
 * </ul>
 */
final class ScriptedHistory {
    final String district;
    final String newDistrict;
    final UUID e1 = UUID.randomUUID();
    final UUID e2 = UUID.randomUUID();
    final UUID e3 = UUID.randomUUID();
    final UUID h3 = UUID.randomUUID();
    final List<EventEnvelope> events = new ArrayList<>();
    private final Map<UUID, Long> versions = new HashMap<>();

    ScriptedHistory(String district, String newDistrict) {
        this.district = district;
        this.newDistrict = newDistrict;
        script();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static RectificationPlan plan(String emergency, String funds, String deadline) {
        return new RectificationPlan("王工", "更换电缆", new BigDecimal(funds), LocalDate.parse(deadline), emergency,
                null, null, null, null);
    }

    private void script() {
        registered(e1, "滨海一号化工");
        registered(e2, "滨海二号化工");
        registered(e3, "滨海三号化工");

        UUID h1 = found(e1, Severity.GENERAL, "S1", HazardSource.SELF_CHECK, "2025-01-05T02:00:00Z");
        add(h1, new RectificationAssigned(h1, plan("停电隔离", "1000", "2025-01-20")), "2025-01-05T03:00:00Z");
        add(h1, new RectificationSubmitted(h1, "已更换", List.of(), at("2025-01-14T02:00:00Z"), null), "2025-01-14T02:00:00Z");
        add(h1, new VerificationPassed(h1, "合格"), "2025-01-15T02:00:00Z");
        add(h1, new HazardClosed(h1, at("2025-01-15T02:00:00Z"), LocalDate.parse("2025-01-20"), LocalDate.parse("2025-01-20"), true),
                "2025-01-15T02:00:00Z");

        UUID h2 = found(e1, Severity.GENERAL, "S1", HazardSource.INSPECTION, "2025-01-06T02:00:00Z");
        add(h2, new RectificationAssigned(h2, plan(null, "500", "2025-01-25")), "2025-01-06T03:00:00Z");
        add(h2, new DeadlineExtended(h2, LocalDate.parse("2025-01-25"), LocalDate.parse("2025-01-25"),
                LocalDate.parse("2099-12-31"), "设备订货"), "2025-01-24T03:00:00Z");

        found(h3, e2, Severity.GENERAL, "S1", HazardSource.INSPECTION, "2025-01-07T02:00:00Z");
        add(h3, new HazardReclassified(h3, Severity.GENERAL, Severity.MAJOR, "涉及重大危险源", null), "2025-01-08T01:00:00Z");
        add(h3, new SupervisionListed(h3, SupervisionLevel.CITY, "潍安督〔2025〕1号", "reg", false), "2025-01-08T02:00:00Z");
        add(h3, new RectificationAssigned(h3, plan("应急预案", "2000", "2025-03-01")), "2025-01-09T03:00:00Z");
        add(h3, new RectificationSubmitted(h3, "已整改", List.of(), at("2025-02-10T02:00:00Z"), at("2025-02-20T02:00:00Z")),
                "2025-02-10T02:00:00Z");
        add(h3, new VerificationFailed(h3, "未达标", 1), "2025-02-12T02:00:00Z");

        UUID h4 = found(e2, Severity.MAJOR, "S1", HazardSource.INSPECTION, "2025-01-10T02:00:00Z");
        add(h4, new RectificationAssigned(h4, plan("应急预案", "3000", "2099-01-01")), "2025-01-10T03:00:00Z");
        add(h4, new RectificationSubmitted(h4, "已整改", List.of(), at("2025-01-20T02:00:00Z"), at("2025-01-30T02:00:00Z")),
                "2025-01-20T02:00:00Z");

        UUID h5 = found(e1, Severity.GENERAL, "S1", HazardSource.SELF_CHECK, "2025-01-11T02:00:00Z");
        add(h5, new HazardVoided(h5, "误报"), "2025-01-11T05:00:00Z");

        UUID h6 = found(e3, Severity.GENERAL, "S2", HazardSource.EMPLOYEE_REPORT, "2025-01-12T02:00:00Z");
        add(h6, new ReporterRewarded(h6, new BigDecimal("200"), "李工"), "2025-01-13T02:00:00Z");
        add(h6, new RectificationAssigned(h6, plan("停机", "100", "2025-01-18")), "2025-01-13T03:00:00Z");
        add(e3, new EnterpriseRelocated(e3, district, "S2", newDistrict, "T9", "新址", null, "搬迁"), "2025-01-14T00:00:00Z");
        add(h6, new HazardClosed(h6, at("2025-01-22T14:00:00Z"), LocalDate.parse("2025-01-18"), LocalDate.parse("2025-01-18"), false),
                "2025-01-22T14:00:00Z");

        UUID h7 = found(e1, Severity.GENERAL, "S1", HazardSource.SELF_CHECK, "2024-12-20T02:00:00Z");
        add(h7, new RectificationAssigned(h7, plan("停电", "700", "2025-01-10")), "2024-12-21T02:00:00Z");
        add(h7, new HazardClosed(h7, at("2025-01-03T02:00:00Z"), LocalDate.parse("2025-01-10"), LocalDate.parse("2025-01-10"), true),
                "2025-01-03T02:00:00Z");

        UUID i1 = UUID.randomUUID();
        add(i1, new InspectionPlanned(i1, e1, district, InspectionKind.ENFORCEMENT, LocalDate.parse("2025-01-09"),
                List.of("insp"), null, null), "2025-01-08T00:00:00Z");
        add(i1, new InspectionStarted(i1, at("2025-01-09T01:00:00Z")), "2025-01-09T01:00:00Z");
        for (int i = 0; i < 2; i++) {
            add(i1, new FindingRecorded(i1, UUID.randomUUID(), e1, district, InspectionKind.ENFORCEMENT, "发现", HazardCategory.FIRE,
                    Severity.GENERAL, "车间", null, List.of(), null), "2025-01-09T02:00:00Z");
        }
        add(i1, new EnforcementActionTaken(i1, UUID.randomUUID(), e1, district, EnforcementKind.FINE, new BigDecimal("5000"),
                "罚款", "罚〔2025〕1号", at("2025-01-09T03:00:00Z")), "2025-01-09T03:00:00Z");
        Instant recently = Instant.now().minusSeconds(10 * 86_400);
        add(i1, new EnforcementActionTaken(i1, UUID.randomUUID(), e1, district, EnforcementKind.WARNING, null,
                "警告", "警〔2025〕1号", recently), recently.toString());
        UUID i2 = UUID.randomUUID();
        add(i2, new InspectionPlanned(i2, e2, district, InspectionKind.ENFORCEMENT, LocalDate.parse("2025-01-09"),
                List.of("insp"), null, null), "2025-01-08T00:00:00Z");
        add(i2, new InspectionStarted(i2, at("2025-01-09T05:00:00Z")), "2025-01-09T05:00:00Z");
        add(i2, new InspectionCancelled(i2, "企业停产", at("2025-01-09T06:00:00Z")), "2025-01-09T06:00:00Z");

        add(e2, new EnterpriseBlacklisted(e2, "屡查屡犯"), "2025-01-20T00:00:00Z");
    }

    private void registered(UUID id, String name) {
        add(id, new EnterpriseRegistered(id, "91370700MA3C" + id.toString().substring(0, 6), name, district, "S1", "26",
                SupervisionCategory.HAZARDOUS_CHEMICALS_PRODUCTION, "滨海路1号", null, null, null, null, null, null, null),
                "2024-06-01T00:00:00Z");
    }

    private UUID found(UUID enterprise, Severity severity, String street, HazardSource source, String foundAt) {
        return found(UUID.randomUUID(), enterprise, severity, street, source, foundAt);
    }

    private UUID found(UUID id, UUID enterprise, Severity severity, String street, HazardSource source, String foundAt) {
        add(id, new HazardFound(id, enterprise, district, street, "26", source, "隐患" + id.toString().substring(0, 4),
                "描述", "车间", severity == Severity.MAJOR ? HazardCategory.PROCESS_SAFETY : HazardCategory.ELECTRICAL,
                severity, null, null, List.of(), null, null, at(foundAt)), foundAt);
        return id;
    }

    private void add(UUID aggregate, DomainEvent payload, String occurredAt) {
        long version = versions.merge(aggregate, 1L, Long::sum);
        var descriptor = EventCatalog.of(payload);
        events.add(new EventEnvelope(UUID.randomUUID(), descriptor.type(), descriptor.schemaVersion(), aggregate, version,
                at(occurredAt), new Actor("test", "test"), "corr-" + aggregate, null, district, null,
                EventCodec.toJson(payload)));
    }

    /** Publishes the history; {@code twice}: every event is delivered a second time, right after a later one. */
    void publish(boolean twice) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < events.size(); i++) {
                send(producer, events.get(i));
                if (twice && i > 0) {
                    send(producer, events.get(i - 1));
                }
            }
            if (twice) {
                send(producer, events.get(events.size() - 1));
            }
            producer.flush();
        }
    }

    private static void send(KafkaProducer<String, String> producer, EventEnvelope event) {
        String topic = EventCatalog.byType(event.type()).orElseThrow().topic();
        try {
            producer.send(new ProducerRecord<>(topic, event.aggregateId().toString(), EventCodec.write(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
