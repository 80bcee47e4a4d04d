package io.github.kcauth0.ops;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admission control for {@code /oauth/par} on this node: how many pushed requests Keycloak holds for their
 * lifespan because this node accepted them, so that a flood is refused before the store can exhaust the heap.
 * Keycloak holds every accepted push until it expires (or, from 26.7, until its login completes: then the count
 * here is higher than the store's, on the safe side).
 *
 * <p>The node holds at most its cap, shared first among the realms and then, within each realm, among its
 * clients: of the r realms and the n clients of a realm holding pending requests, a client may add while it holds
 * less than cap / r / n, even when others have filled the node, up to 1¼ × cap in all. So a client alone may use
 * the whole cap, one flooding client leaves room for the others, and no realm's clients squeeze another realm's.
 * A realm may set a lower cap of its own, shared among its clients the same way.
 */
public final class PendingPushes {

    /** Measured: a pending pushed request costs about 1.3 KB of heap ({@code BENCHMARKS.md}); with headroom. */
    static final int BYTES_PER_PENDING_REQUEST = 2048;
    /** The part of the maximum heap that pending pushed requests may take. */
    static final double HEAP_SHARE = 0.25;
    /** Above a cap, clients under their fair share are still admitted, up to this many times the cap. */
    private static final double OVERSHOOT = 1.25;

    private final int nodeCap;
    private final Clock clock;
    private final ExpiringCount node = new ExpiringCount();
    private final Map<String, RealmPushes> realms = new ConcurrentHashMap<>();
    private volatile long sweptAt;

    public PendingPushes(int nodeCap) {
        this(nodeCap, () -> System.currentTimeMillis() / 1000);
    }

    PendingPushes(int nodeCap, Clock clock) {
        this.nodeCap = nodeCap;
        this.clock = clock;
    }

    /** The default cap: {@value #HEAP_SHARE} of the maximum heap, at {@value #BYTES_PER_PENDING_REQUEST} bytes a request. */
    public static int defaultCap(long maxHeapBytes) {
        return (int) Math.min(Integer.MAX_VALUE, (long) (maxHeapBytes * HEAP_SHARE / BYTES_PER_PENDING_REQUEST));
    }

    public int nodeCap() {
        return nodeCap;
    }

    /**
     * Whether one more push of this client may be accepted, given the realm's own cap (0 for none).
     *
     * @return the refusal, or empty when it may go on
     */
    Optional<Refusal> refusal(String realmId, int realmCap, String clientId) {
        long now = clock.seconds();
        sweepIdle(now);
        RealmPushes realm = realms.get(realmId);
        int realmPending = realm == null ? 0 : realm.count.pending(now);
        int clientPending = realm == null ? 0 : realm.pending(clientId, now);
        int realmsSharing = realms.size() + (realmPending == 0 ? 1 : 0);
        int clientsSharing = (realm == null ? 0 : realm.clients.size()) + (clientPending == 0 ? 1 : 0);

        int nodePending = node.pending(now);
        int nodeShare = share(nodeCap, realmsSharing, clientsSharing);
        if (nodePending >= nodeCap && (clientPending >= nodeShare || nodePending >= nodeCap * OVERSHOOT)) {
            return Optional.of(new Refusal(nodeCap, clientPending >= nodeShare ? "client_share" : "capacity"));
        }
        if (realmCap > 0 && realmPending >= realmCap
                && (clientPending >= share(realmCap, 1, clientsSharing) || realmPending >= realmCap * OVERSHOOT)) {
            return Optional.of(new Refusal(realmCap, "realm_capacity"));
        }
        return Optional.empty();
    }

    /** A client's fair share of a cap split evenly among the realms, then among the realm's clients; at least 1. */
    static int share(int cap, int realmsSharing, int clientsSharing) {
        return Math.max(1, cap / Math.max(1, realmsSharing) / Math.max(1, clientsSharing));
    }

    /** A push Keycloak accepted, which it holds for this many seconds. */
    void accepted(String realmId, String clientId, int lifespanSeconds) {
        long now = clock.seconds();
        node.add(now, lifespanSeconds);
        realms.computeIfAbsent(realmId, key -> new RealmPushes(now, lifespanSeconds)).add(clientId, now, lifespanSeconds);
    }

    /** Clients and realms whose pushes all expired no longer count, nor take memory; once a second at most. */
    private void sweepIdle(long now) {
        if (now != sweptAt) {
            sweptAt = now;
            realms.values().removeIf(realm -> realm.sweepIdle(now));
        }
    }

    /** Why a push is refused: the cap in force, and which rule. */
    record Refusal(int cap, String reason) {
    }

    interface Clock {
        long seconds();
    }

    /** A realm's pending pushes, in all and by client. */
    private static final class RealmPushes {

        final WindowCount count;
        final Map<String, WindowCount> clients = new ConcurrentHashMap<>();

        RealmPushes(long now, int lifespanSeconds) {
            this.count = new WindowCount(now, lifespanSeconds);
        }

        void add(String clientId, long now, int lifespanSeconds) {
            count.add(now);
            clients.computeIfAbsent(clientId, key -> new WindowCount(now, lifespanSeconds)).add(now);
        }

        int pending(String clientId, long now) {
            WindowCount client = clients.get(clientId);
            return client == null ? 0 : client.pending(now);
        }

        /** @return whether nothing of the realm is pending any more */
        boolean sweepIdle(long now) {
            clients.values().removeIf(client -> client.pending(now) == 0);
            return count.pending(now) == 0;
        }
    }

    /**
     * Pushes within the last lifespan, estimated from two windows of one lifespan each (the current one and the
     * one before, weighted by how much of it still overlaps): two numbers a client or realm, exact when pushes
     * arrive evenly, close otherwise.
     */
    static final class WindowCount {

        private final int window;
        private long windowStart;
        private int current;
        private int previous;

        WindowCount(long now, int lifespanSeconds) {
            this.window = Math.max(1, lifespanSeconds);
            this.windowStart = now;
        }

        synchronized void add(long now) {
            roll(now);
            current++;
        }

        synchronized int pending(long now) {
            roll(now);
            double stillPending = 1 - (double) (now - windowStart) / window;
            return current + (int) Math.ceil(previous * stillPending);
        }

        private void roll(long now) {
            long windows = (now - windowStart) / window;
            if (windows == 1) {
                previous = current;
                current = 0;
                windowStart += window;
            } else if (windows > 1) {
                previous = 0;
                current = 0;
                windowStart = now;
            }
        }
    }

    /**
     * Pushes counted until they expire, by the slot they expire in: rings of 4,096 slots of 1 s, 64 s and 4,096 s
     * (about 68 minutes, 73 hours and 194 days), a push going to the finest ring that spans its lifespan, its expiry
     * rounded up to its slot. So adding and counting cost the same however many are pending, a push counts for its
     * whole lifespan (and at most one slot longer), and only a lifespan over 194 days counts as 194 days.
     */
    static final class ExpiringCount {

        private static final int SLOTS = 4096;

        private final Ring[] rings = {new Ring(1), new Ring(64), new Ring(4096)};

        synchronized void add(long now, int lifespanSeconds) {
            long lifespan = Math.max(1, lifespanSeconds);
            for (Ring ring : rings) {
                if (lifespan < (long) SLOTS * ring.slotSeconds || ring == rings[rings.length - 1]) {
                    ring.add(now, Math.min(lifespan, (long) (SLOTS - 1) * ring.slotSeconds));
                    return;
                }
            }
        }

        synchronized int pending(long now) {
            int pending = 0;
            for (Ring ring : rings) {
                pending += ring.pending(now);
            }
            return pending;
        }

        /** Counts by the slot of {@code slotSeconds} in which they expire. */
        private static final class Ring {

            private final int slotSeconds;
            private final int[] expiringIn = new int[SLOTS];
            /** The last slot whose pushes were dropped. */
            private long clearedUpTo;
            private int pending;

            Ring(int slotSeconds) {
                this.slotSeconds = slotSeconds;
            }

            void add(long now, long lifespanSeconds) {
                clearUpTo(now);
                long expiresInSlot = Math.floorDiv(now + lifespanSeconds + slotSeconds - 1, slotSeconds);
                expiringIn[(int) Math.floorMod(expiresInSlot, SLOTS)]++;
                pending++;
            }

            int pending(long now) {
                clearUpTo(now);
                return pending;
            }

            /** Drops the pushes that expired by {@code now}: those of every slot that ended by then. */
            private void clearUpTo(long now) {
                long slot = Math.floorDiv(now, slotSeconds);
                if (pending == 0 || slot - clearedUpTo >= SLOTS) {
                    if (pending != 0) {
                        java.util.Arrays.fill(expiringIn, 0);
                        pending = 0;
                    }
                    clearedUpTo = slot;
                    return;
                }
                for (long ended = clearedUpTo + 1; ended <= slot; ended++) {
                    int index = (int) Math.floorMod(ended, SLOTS);
                    pending -= expiringIn[index];
                    expiringIn[index] = 0;
                }
                clearedUpTo = Math.max(clearedUpTo, slot);
            }
        }
    }
}
