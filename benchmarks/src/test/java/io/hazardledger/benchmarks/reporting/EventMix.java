package io.hazardledger.benchmarks.reporting;

import io.hazardledger.contracts.Actor;
import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.EventCatalog;
import io.hazardledger.contracts.EventEnvelope;
import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.contracts.enterprise.SupervisionCategory;
import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardClosed;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.RectificationAssigned;
import io.hazardledger.contracts.hazard.RectificationPlan;
import io.hazardledger.contracts.hazard.RectificationSubmitted;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.contracts.hazard.VerificationPassed;
import io.hazardledger.eventstore.EventCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The events the reporting benchmark replays: enterprises in {@code districts} districts, then hazard lifecycles
 * (found, assigned, submitted, verified, closed: five events each) spread over the last two years, with up to
 * {@code inFlight} hazards open at once.
 */
final class EventMix {
    private static final HazardCategory[] CATEGORIES = HazardCategory.values();
    private final int districts;
    private final int inFlight;
    private final Random random = new Random(42);
    private final List<UUID> enterprises = new ArrayList<>();

    EventMix(int districts, int inFlight) {
        this.districts = districts;
        this.inFlight = inFlight;
    }

    static String district(int index) {
        return String.format("37%04d", index);
    }

    /** Publishes {@code events} events (rounded to whole lifecycles), keyed by aggregate id; returns how many. */
    long publish(String bootstrap, long events) {
        long sent = 0;
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.ACKS_CONFIG, "1"),
                new StringSerializer(), new StringSerializer())) {
            int enterpriseCount = districts * 10;
            for (int i = 0; i < enterpriseCount; i++) {
                UUID id = UUID.randomUUID();
                enterprises.add(id);
                send(producer, id, 1, new EnterpriseRegistered(id, "9137000000000" + String.format("%05d", i), "企业" + i,
                        district(i % districts), district(i % districts) + "001", "26",
                        SupervisionCategory.HAZARDOUS_CHEMICALS_PRODUCTION, "地址", null, null, null, null, null, null, null),
                        Instant.parse("2024-01-01T00:00:00Z"), district(i % districts));
                sent++;
            }
            // Lifecycles interleave as they do in a ledger in use: up to inFlight hazards are open at once, and each
            // step advances a random one of them (or opens a new one), so a hazard's five events lie far apart.
            List<Lifecycle> open = new ArrayList<>();
            long started = 0;
            long lifecycles = (events - sent) / 5;
            while (started < lifecycles || !open.isEmpty()) {
                if (started < lifecycles && open.size() < inFlight) {
                    open.add(new Lifecycle());
                    started++;
                }
                int pick = random.nextInt(open.size());
                Lifecycle lifecycle = open.get(pick);
                lifecycle.next(producer);
                sent++;
                if (lifecycle.done()) {
                    open.set(pick, open.get(open.size() - 1));
                    open.remove(open.size() - 1);
                }
            }
            producer.flush();
        }
        return sent;
    }

    /** One hazard's five events (found, assigned, submitted, verified, closed), sent one step at a time. */
    private final class Lifecycle {
        private final UUID hazard = UUID.randomUUID();
        private final UUID enterprise;
        private final String district;
        private final Instant found = Instant.now().minusSeconds(60L * random.nextInt(2 * 365 * 24 * 60));
        private final LocalDate deadline = LocalDate.ofInstant(found, java.time.ZoneOffset.UTC).plusDays(30);
        private final Instant submitted = found.plusSeconds(86_400L * (1 + random.nextInt(40)));
        private int version;

        Lifecycle() {
            int e = random.nextInt(enterprises.size());
            enterprise = enterprises.get(e);
            district = district(e % districts);
        }

        boolean done() {
            return version == 5;
        }

        void next(KafkaProducer<String, String> producer) {
            version++;
            switch (version) {
                case 1 -> send(producer, hazard, 1, new HazardFound(hazard, enterprise, district, district + "001", "26",
                        HazardSource.SELF_CHECK, "隐患", "描述", "车间", CATEGORIES[random.nextInt(CATEGORIES.length)],
                        random.nextInt(20) == 0 ? Severity.MAJOR : Severity.GENERAL, null, null, List.of(), null, null,
                        found), found, district);
                case 2 -> send(producer, hazard, 2, new RectificationAssigned(hazard, new RectificationPlan("负责人", "措施",
                        BigDecimal.valueOf(100 + random.nextInt(10_000)), deadline, "应急措施", null, null, null, null)),
                        found.plusSeconds(3600), district);
                case 3 -> send(producer, hazard, 3, new RectificationSubmitted(hazard, "完成", List.of(), submitted, null),
                        submitted, district);
                case 4 -> send(producer, hazard, 4, new VerificationPassed(hazard, "合格"), submitted.plusSeconds(3600),
                        district);
                default -> {
                    Instant closed = submitted.plusSeconds(7200);
                    send(producer, hazard, 5, new HazardClosed(hazard, closed, deadline, deadline,
                            !LocalDate.ofInstant(closed, java.time.ZoneOffset.UTC).isAfter(deadline)), closed, district);
                }
            }
        }
    }

    static void send(KafkaProducer<String, String> producer, UUID aggregate, long version, DomainEvent payload,
                     Instant occurredAt, String district) {
        var descriptor = EventCatalog.of(payload);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), descriptor.type(), descriptor.schemaVersion(),
                aggregate, version, occurredAt, new Actor("benchmark", "system"), "bench-" + aggregate, null, district,
                null, EventCodec.toJson(payload));
        producer.send(new ProducerRecord<>(descriptor.topic(), aggregate.toString(), EventCodec.write(envelope)));
    }
}
