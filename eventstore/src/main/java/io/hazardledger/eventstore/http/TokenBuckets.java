package io.hazardledger.eventstore.http;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per key: {@code hazardledger.http.command-rate.burst} commands at once, refilled continuously at
 * {@code hazardledger.http.command-rate.per-second}. Buckets that have filled up again are forgotten.
 */
@ApplicationScoped
public class TokenBuckets {
    private static final int FORGET_ABOVE = 10_000;

    @ConfigProperty(name = "hazardledger.http.command-rate.per-second", defaultValue = "50")
    double perSecond;
    @ConfigProperty(name = "hazardledger.http.command-rate.burst", defaultValue = "100")
    int burst;

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one token for {@code key}: 0 when granted, else the milliseconds until one is available. */
    public long take(String key) {
        if (buckets.size() > FORGET_ABOVE) {
            long now = System.nanoTime();
            buckets.values().removeIf(bucket -> bucket.fullAt(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(perSecond, burst)).take(System.nanoTime());
    }

    private static final class Bucket {
        private final double perNano;
        private final int capacity;
        private double tokens;
        private long updated;

        Bucket(double perSecond, int capacity) {
            this.perNano = perSecond / 1e9;
            this.capacity = capacity;
            this.tokens = capacity;
            this.updated = System.nanoTime();
        }

        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * perNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano / 1e6);
        }

        synchronized boolean fullAt(long now) {
            return tokens + (now - updated) * perNano >= capacity;
        }
    }
}
