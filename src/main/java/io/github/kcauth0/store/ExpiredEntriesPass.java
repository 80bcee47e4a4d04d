package io.github.kcauth0.store;

import org.infinispan.Cache;
import org.jboss.logging.Logger;

/**
 * One pass of Infinispan's own expiration over the in-memory entries of Keycloak's single-use store: every entry
 * whose lifespan has passed is removed (in a cluster, by its primary owner, from every owner). Infinispan's reaper
 * does the same, but only every minute (its default, which Keycloak keeps for this cache); between its passes an
 * expired pushed request is invisible yet still on the heap.
 */
final class ExpiredEntriesPass implements Runnable {

    private static final Logger LOG = Logger.getLogger(ExpiredEntriesPass.class);

    private final Cache<?, ?> store;
    private boolean failureLogged;

    ExpiredEntriesPass(Cache<?, ?> store) {
        this.store = store;
    }

    @Override
    public void run() {
        try {
            store.getAdvancedCache().getExpirationManager().processExpiration();
            failureLogged = false;
        } catch (RuntimeException e) {
            // A failed pass must not end the schedule (an executor drops a task that throws); the next one retries.
            if (!failureLogged) {
                LOG.warnf(e, "A pass removing expired entries from Keycloak's single-use store failed; retrying at the next");
                failureLogged = true;
            }
        }
    }
}
