package io.github.kcauth0.ops;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets on this Keycloak node, one per key: {@code limit} requests at once, then {@code limit} per second.
 * Nodes do not share buckets, so a cluster of n nodes lets up to n times the limit through. A bucket is full
 * again a second after its last use, and full buckets are forgotten (at most once a second, once there are many),
 * so memory is bounded by the keys seen in about a second, however many made-up keys arrive.
 */
public final class TokenBuckets {

    /** Above this many buckets, those that are full again are dropped. */
    private static final int MAX_IDLE_BUCKETS = 10_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile long sweptAt;

    public TokenBuckets() {
        this(System::nanoTime);
    }

    TokenBuckets(Clock clock) {
        this.clock = clock;
        this.sweptAt = clock.nanos();
    }

    /** Takes a token from this key's bucket, if it has one. */
    public RateLimit acquire(String key, int limit) {
        long now = clock.nanos();
        sweepIfCrowded(now);
        return buckets.computeIfAbsent(key, k -> new Bucket()).acquire(limit, now);
    }

    /** This key's bucket when it has no token left, without taking one; empty while it has tokens. */
    public Optional<RateLimit> exhausted(String key, int limit) {
        Bucket bucket = buckets.get(key);
        return bucket == null ? Optional.empty() : bucket.exhausted(limit, clock.nanos());
    }

    int size() {
        return buckets.size();
    }

    private void sweepIfCrowded(long now) {
        if (buckets.size() > MAX_IDLE_BUCKETS && now - sweptAt >= NANOS_PER_SECOND) {
            sweptAt = now;
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
    }

    /** The outcome of one request: whether it may go on, and what the X-RateLimit-* headers say. */
    public record RateLimit(boolean allowed, int limit, int remaining, long resetEpochSeconds) {
    }

    interface Clock {
        long nanos();
    }

    private static final class Bucket {

        private int limit;
        private double tokens;
        private long refilledAt;

        synchronized RateLimit acquire(int newLimit, long now) {
            refill(newLimit, now);
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            return state(allowed);
        }

        synchronized Optional<RateLimit> exhausted(int newLimit, long now) {
            refill(newLimit, now);
            return tokens >= 1 ? Optional.empty() : Optional.of(state(false));
        }

        synchronized boolean isFull(long now) {
            return limit == 0 || tokens + (double) (now - refilledAt) / NANOS_PER_SECOND * limit >= limit;
        }

        private void refill(int newLimit, long now) {
            if (newLimit != limit) {
                limit = newLimit;
                tokens = newLimit;
                refilledAt = now;
            }
            tokens = Math.min(limit, tokens + (double) (now - refilledAt) / NANOS_PER_SECOND * limit);
            refilledAt = now;
        }

        private RateLimit state(boolean allowed) {
            double secondsUntilFull = (limit - tokens) / limit;
            long reset = (System.currentTimeMillis() + (long) Math.ceil(secondsUntilFull * 1000)) / 1000;
            return new RateLimit(allowed, limit, (int) Math.floor(tokens), reset);
        }
    }
}
