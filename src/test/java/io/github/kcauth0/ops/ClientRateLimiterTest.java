package io.github.kcauth0.ops;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ClientRateLimiter limiter = new ClientRateLimiter(nanos::get);

    @Test
    void burstOfTheLimitIsAllowedThenRefused() {
        for (int i = 3; i > 0; i--) {
            ClientRateLimiter.RateLimit taken = limiter.acquire("realm", "app", 3);
            assertTrue(taken.allowed());
            assertEquals(i - 1, taken.remaining());
            assertEquals(3, taken.limit());
        }

        assertFalse(limiter.acquire("realm", "app", 3).allowed());
    }

    @Test
    void bucketRefillsAtTheLimitPerSecond() {
        limiter.acquire("realm", "app", 2);
        limiter.acquire("realm", "app", 2);
        assertFalse(limiter.acquire("realm", "app", 2).allowed());

        nanos.addAndGet(500_000_000L);

        assertTrue(limiter.acquire("realm", "app", 2).allowed(), "one token after half a second");
        assertFalse(limiter.acquire("realm", "app", 2).allowed());
    }

    @Test
    void clientsAndRealmsHaveBucketsOfTheirOwn() {
        limiter.acquire("realm", "app", 1);

        assertFalse(limiter.acquire("realm", "app", 1).allowed());
        assertTrue(limiter.acquire("realm", "other", 1).allowed());
        assertTrue(limiter.acquire("other-realm", "app", 1).allowed());
    }

    @Test
    void newLimitStartsAFullBucket() {
        limiter.acquire("realm", "app", 1);

        assertTrue(limiter.acquire("realm", "app", 5).allowed());
        assertEquals(4, limiter.acquire("realm", "app", 5).remaining() + 1);
    }
}
