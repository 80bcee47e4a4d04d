package io.github.kcauth0.ops;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingPushesTest {

    private final AtomicLong seconds = new AtomicLong(1_000);
    private final PendingPushes pending = new PendingPushes(10, seconds::get);

    @Test
    void aClientAloneMayFillTheCapThenWaitsUntilPushesExpire() {
        accept("app", 10, 60);

        assertEquals("client_share", pending.refusal("realm", 0, "app").orElseThrow().reason());
        seconds.addAndGet(60);
        assertTrue(pending.refusal("realm", 0, "app").isEmpty(), "all expired");
    }

    @Test
    void anotherClientStillGetsItsShareOfAFullNode() {
        accept("flooding-app", 10, 60);

        assertTrue(pending.refusal("realm", 0, "other-app").isEmpty());
        accept("other-app", 2, 60);
        assertTrue(pending.refusal("realm", 0, "other-app").isEmpty(), "under half of the cap");
        accept("other-app", 1, 60);
        assertEquals("capacity", pending.refusal("realm", 0, "other-app").orElseThrow().reason(),
                "never more than 1¼ × the cap");
        assertEquals("client_share", pending.refusal("realm", 0, "flooding-app").orElseThrow().reason());
    }

    @Test
    void realmCapAppliesBelowTheNodes() {
        accept("app", 3, 60);

        PendingPushes.Refusal refusal = pending.refusal("realm", 3, "app").orElseThrow();
        assertEquals("realm_capacity", refusal.reason());
        assertEquals(3, refusal.cap());
        assertTrue(pending.refusal("other-realm", 3, "app").isEmpty());
    }

    @Test
    void pushesCountForTheirOwnLifespan() {
        accept("app", 10, 5);
        seconds.addAndGet(4);
        assertFalse(pending.refusal("realm", 0, "app").isEmpty());

        seconds.addAndGet(1);

        assertTrue(pending.refusal("realm", 0, "app").isEmpty());
    }

    @Test
    void defaultCapIsAQuarterOfTheHeapAtTwoKilobytesARequest() {
        assertEquals(65_536, PendingPushes.defaultCap(512L * 1024 * 1024));
    }

    @Test
    void windowCountEstimatesPushesWithinTheLastLifespan() {
        PendingPushes.WindowCount count = new PendingPushes.WindowCount(0, 60);
        for (int second = 0; second < 120; second++) {
            count.add(second);
        }
        assertEquals(60, count.pending(120), "one a second for the last 60 s");
        assertEquals(0, count.pending(300));
    }

    private void accept(String clientId, int count, int lifespan) {
        for (int i = 0; i < count; i++) {
            pending.accepted("realm", clientId, lifespan);
        }
    }
}
