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
 * <p>The node holds at most its cap. The clients pushing on the node share it: each of the n clients that hold
 * pending requests may add while it holds less than cap / n, even when others have filled the node, up to
 * 1¼ × cap in all; so a client alone may use the whole cap, and one flooding client leaves room for the others.
 * A realm may set a lower cap of its own.
 */
public final class PendingPushes {

    /** Measured: a pending pushed request costs about 1.3 KB of heap ({@code BENCHMARKS.md}); with headroom. */
    static final int BYTES_PER_PENDING_REQUEST = 2048;
    /** The part of the maximum heap that pending pushed requests may take. */
    static final double HEAP_SHARE = 0.25;
    /** Above its cap, a node still admits clients under their fair share, up to this many times the cap. */
    private static final double OVERSHOOT = 1.25;

    private final int nodeCap;
    private final Clock clock;
    private final ExpiringCount node = new ExpiringCount();
    private final Map<String, WindowCount> realms = new ConcurrentHashMap<>();
    private final Map<String, WindowCount> clients = new ConcurrentHashMap<>();
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
        int nodePending = node.pending(now);
        int clientPending = pending(clients, realmId + '\n' + clientId, now);
        int fairShare = Math.max(1, nodeCap / Math.max(1, clients.size() + (clientPending == 0 ? 1 : 0)));
        if (nodePending >= nodeCap && (clientPending >= fairShare || nodePending >= nodeCap * OVERSHOOT)) {
            return Optional.of(new Refusal(nodeCap, clientPending >= fairShare ? "client_share" : "capacity"));
        }
        if (realmCap > 0 && pending(realms, realmId, now) >= realmCap) {
            return Optional.of(new Refusal(realmCap, "realm_capacity"));
        }
        return Optional.empty();
    }

    /** A push Keycloak accepted, which it holds for this many seconds. */
    void accepted(String realmId, String clientId, int lifespanSeconds) {
        long now = clock.seconds();
        node.add(now, lifespanSeconds);
        realms.computeIfAbsent(realmId, key -> new WindowCount(now, lifespanSeconds)).add(now);
        clients.computeIfAbsent(realmId + '\n' + clientId, key -> new WindowCount(now, lifespanSeconds)).add(now);
    }

    private static int pending(Map<String, WindowCount> counts, String key, long now) {
        WindowCount count = counts.get(key);
        return count == null ? 0 : count.pending(now);
    }

    /** Clients and realms whose pushes all expired no longer count, nor take memory; once a second at most. */
    private void sweepIdle(long now) {
        if (now != sweptAt) {
            sweptAt = now;
            clients.values().removeIf(count -> count.pending(now) == 0);
            realms.values().removeIf(count -> count.pending(now) == 0);
        }
    }

    /** Why a push is refused: the cap in force, and which rule. */
    record Refusal(int cap, String reason) {
    }

    interface Clock {
        long seconds();
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
     * Pushes counted until they expire, by the second they expire in: a ring of one slot per second, so adding
     * and counting cost the same however many are pending. Lifespans over the ring's length count as its length.
     */
    static final class ExpiringCount {

        private static final int MAX_LIFESPAN_SECONDS = 3600;

        private final int[] expiringIn = new int[MAX_LIFESPAN_SECONDS + 1];
        private long clearedUpTo;
        private int pending;

        synchronized void add(long now, int lifespanSeconds) {
            clearUpTo(now);
            long expires = now + Math.max(1, Math.min(lifespanSeconds, MAX_LIFESPAN_SECONDS));
            expiringIn[(int) (expires % expiringIn.length)]++;
            pending++;
        }

        synchronized int pending(long now) {
            clearUpTo(now);
            return pending;
        }

        /** Drops the pushes that expired by {@code now}. */
        private void clearUpTo(long now) {
            if (pending == 0 || now - clearedUpTo >= expiringIn.length) {
                if (pending != 0) {
                    java.util.Arrays.fill(expiringIn, 0);
                    pending = 0;
                }
                clearedUpTo = now;
                return;
            }
            for (long second = clearedUpTo + 1; second <= now; second++) {
                int slot = (int) (second % expiringIn.length);
                pending -= expiringIn[slot];
                expiringIn[slot] = 0;
            }
            clearedUpTo = Math.max(clearedUpTo, now);
        }
    }
}
