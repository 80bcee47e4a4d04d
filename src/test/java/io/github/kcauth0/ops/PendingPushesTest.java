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
    void aRealmsCapIsSharedAmongItsClients() {
        PendingPushes roomy = new PendingPushes(100, seconds::get);
        for (int i = 0; i < 4; i++) {
            roomy.accepted("realm", "flooding-app", 60);
        }
        assertEquals("realm_capacity", roomy.refusal("realm", 4, "flooding-app").orElseThrow().reason());

        assertTrue(roomy.refusal("realm", 4, "other-app").isEmpty(), "another client of the realm gets its share");
        roomy.accepted("realm", "other-app", 60);
        assertEquals("realm_capacity", roomy.refusal("realm", 4, "other-app").orElseThrow().reason(),
                "never more than 1¼ × the realm's cap");
    }

    @Test
    void theNodeIsSharedAmongRealmsBeforeTheirClients() {
        for (int client = 0; client < 5; client++) {
            for (int i = 0; i < 2; i++) {
                pending.accepted("busy-realm", "app-" + client, 60);
            }
        }
        // the node (cap 10) is full: half of it is the other realm's share, however many clients the busy realm has
        pending.accepted("quiet-realm", "app", 60);
        assertTrue(pending.refusal("quiet-realm", 0, "app").isEmpty(), "1 of its 5");

        assertTrue(pending.refusal("busy-realm", 0, "new-app").isEmpty(), "a newcomer of the busy realm: its first");
        pending.accepted("busy-realm", "new-app", 60);
        assertEquals("client_share", pending.refusal("busy-realm", 0, "new-app").orElseThrow().reason(),
                "5 shared by 6 clients: 1 each, at least");
        assertEquals("client_share", pending.refusal("busy-realm", 0, "app-0").orElseThrow().reason());
    }

    @Test
    void aLongLifespanCountsInFull() {
        accept("app", 10, 7_200);
        seconds.addAndGet(3_601);
        assertFalse(pending.refusal("realm", 0, "app").isEmpty(), "still pending after an hour");
        seconds.addAndGet(7_199 - 3_601);
        assertFalse(pending.refusal("realm", 0, "app").isEmpty(), "still pending a second before they expire");

        seconds.addAndGet(1 + 64);

        assertTrue(pending.refusal("realm", 0, "app").isEmpty(), "expired, counted at most a 64 s slot longer");
    }

    @Test
    void expiringCountDropsEachPushAtItsExpiryAndNotBefore() {
        PendingPushes.ExpiringCount count = new PendingPushes.ExpiringCount();
        count.add(0, 60);
        count.add(10, 5_000);
        count.add(20, 400_000);
        assertEquals(3, count.pending(59));
        assertEquals(2, count.pending(60));
        assertEquals(2, count.pending(5_009));
        assertEquals(1, count.pending(5_010 + 63));
        assertEquals(1, count.pending(400_019));
        assertEquals(0, count.pending(400_020 + 4_095));
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
