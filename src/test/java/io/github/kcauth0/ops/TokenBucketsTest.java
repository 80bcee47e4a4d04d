package io.github.kcauth0.ops;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TokenBuckets limiter = new TokenBuckets(nanos::get);

    @Test
    void burstOfTheLimitIsAllowedThenRefused() {
        for (int i = 3; i > 0; i--) {
            TokenBuckets.RateLimit taken = limiter.acquire("realm/app", 3);
            assertTrue(taken.allowed());
            assertEquals(i - 1, taken.remaining());
            assertEquals(3, taken.limit());
        }

        assertFalse(limiter.acquire("realm/app", 3).allowed());
    }

    @Test
    void bucketRefillsAtTheLimitPerSecond() {
        limiter.acquire("realm/app", 2);
        limiter.acquire("realm/app", 2);
        assertFalse(limiter.acquire("realm/app", 2).allowed());

        nanos.addAndGet(500_000_000L);

        assertTrue(limiter.acquire("realm/app", 2).allowed(), "one token after half a second");
        assertFalse(limiter.acquire("realm/app", 2).allowed());
    }

    @Test
    void exhaustedTellsAnEmptyBucketWithoutTakingATokenFromOneThatIsNot() {
        assertTrue(limiter.exhausted("realm/address", 2).isEmpty(), "no bucket yet");
        limiter.acquire("realm/address", 2);
        assertTrue(limiter.exhausted("realm/address", 2).isEmpty());
        assertTrue(limiter.acquire("realm/address", 2).allowed(), "exhausted took no token");

        TokenBuckets.RateLimit refused = limiter.exhausted("realm/address", 2).orElseThrow();
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
    }

    @Test
    void manyMadeUpKeysAreForgottenOnceTheirBucketsAreFullAgain() {
        for (int i = 0; i < 20_000; i++) {
            limiter.acquire("realm/made-up-" + i, 5);
        }
        nanos.addAndGet(1_000_000_000L);

        limiter.acquire("realm/one-more", 5);

        assertEquals(1, limiter.size(), "only the bucket in use is kept");
    }

    @Test
    void clientsAndRealmsHaveBucketsOfTheirOwn() {
        limiter.acquire("realm/app", 1);

        assertFalse(limiter.acquire("realm/app", 1).allowed());
        assertTrue(limiter.acquire("realm/other", 1).allowed());
        assertTrue(limiter.acquire("other-realm/app", 1).allowed());
    }

    @Test
    void newLimitStartsAFullBucket() {
        limiter.acquire("realm/app", 1);

        assertTrue(limiter.acquire("realm/app", 5).allowed());
        assertEquals(4, limiter.acquire("realm/app", 5).remaining() + 1);
    }
}
