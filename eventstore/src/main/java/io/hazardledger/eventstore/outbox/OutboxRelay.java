package io.hazardledger.eventstore.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * The service's outbox relay: runs an {@link OutboxPublisher} (leader-elected, so one instance of a service
 * publishes at a time) with the idempotent producer and acks=all, counting what it publishes
 * ({@code eventstore_outbox_published_total}; the backlog is watched by {@code StoreWatch}).
 */
@ApplicationScoped
public class OutboxRelay {
    private OutboxPublisher publisher;

    @Inject
    Pool pool;
    @Inject
    OutboxConfig config;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        Counter published = registry.counter("eventstore.outbox.published");
        publisher = new OutboxPublisher(pool, new KafkaProducer<>(producerConfig(bootstrapServers, service, config),
                new StringSerializer(), new StringSerializer()), config, service, published::increment);
        publisher.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (publisher != null) {
            publisher.stop();
        }
    }

    /** Asks the relay to look at the outbox now, e.g. right after a commit that wrote rows to it. */
    public void wakeUp() {
        if (publisher != null) {
            publisher.wakeUp();
        }
    }

    /** Producer settings of every relay: idempotent, acks from all in-sync replicas, order kept per partition. */
    public static Map<String, Object> producerConfig(String bootstrapServers, String service, OutboxConfig config) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, service + "-outbox",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                // One request in flight: a retried batch can then never meet a later one the broker took first, which
                // after a leader change (a restarted broker) left the producer on OUT_OF_ORDER_SEQUENCE for good.
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                // Never expire a record: an expired one could be overtaken by a later version of its aggregate that
                // is still queued behind it. The producer retries in order until Kafka is back; the publisher waits.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
    }
}
