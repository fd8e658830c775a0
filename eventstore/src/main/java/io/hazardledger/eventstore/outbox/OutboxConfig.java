package io.hazardledger.eventstore.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the outbox relay ({@code eventstore.outbox.*}). */
@ConfigMapping(prefix = "eventstore.outbox")
public interface OutboxConfig {
    /** Whether this instance relays its outbox to Kafka (off in services that publish nothing). */
    @WithDefault("true")
    boolean enabled();

    /** Rows published per round trip. */
    @WithDefault("500")
    int batchSize();

    /** Longest wait between looks at the outbox when nothing woke the relay. */
    @WithDefault("200ms")
    Duration idlePoll();

    /** Ceiling of the exponential back-off while Kafka or PostgreSQL is unreachable. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** Longest wait for the database, and the interval of the warnings while Kafka has not acknowledged a record. */
    @WithDefault("30s")
    Duration sendTimeout();
}
