package io.github.kcauth0.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets, one per realm and client, on this Keycloak node: a client may push {@code limit} requests at
 * once, then {@code limit} per second. Nodes do not share buckets, so a cluster of n nodes lets a client through
 * up to n times the limit.
 */
public final class ClientRateLimiter {

    /** Above this many buckets, those that are full again (their clients idle) are dropped. */
    private static final int MAX_IDLE_BUCKETS = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    public ClientRateLimiter() {
        this(System::nanoTime);
    }

    ClientRateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Takes a token from the bucket of this realm's client, if it has one. */
    public RateLimit acquire(String realmId, String clientId, int limit) {
        if (buckets.size() > MAX_IDLE_BUCKETS) {
            long now = clock.nanos();
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(realmId + '\n' + clientId, key -> new Bucket())
                .acquire(limit, clock.nanos());
    }

    /** The outcome of one request: whether it may go on, and what the X-RateLimit-* headers say. */
    public record RateLimit(boolean allowed, int limit, int remaining, long resetEpochSeconds) {
    }

    interface Clock {
        long nanos();
    }

    private static final class Bucket {

        private static final double NANOS_PER_SECOND = 1e9;

        private int limit;
        private double tokens;
        private long refilledAt;

        synchronized RateLimit acquire(int newLimit, long now) {
            if (newLimit != limit) {
                limit = newLimit;
                tokens = newLimit;
                refilledAt = now;
            }
            tokens = Math.min(limit, tokens + (now - refilledAt) / NANOS_PER_SECOND * limit);
            refilledAt = now;
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            double secondsUntilFull = (limit - tokens) / limit;
            long reset = (System.currentTimeMillis() + (long) Math.ceil(secondsUntilFull * 1000)) / 1000;
            return new RateLimit(allowed, limit, (int) Math.floor(tokens), reset);
        }

        synchronized boolean isFull(long now) {
            return limit == 0 || tokens + (now - refilledAt) / NANOS_PER_SECOND * limit >= limit;
        }
    }
}
