package io.github.kcauth0.ops;

import java.util.Optional;

import io.github.kcauth0.realm.Auth0ParSettings;

import org.keycloak.models.RealmModel;

/**
 * What protects this node from more requests than it should take: the realm's two rate limits, and the cap on
 * pending pushed requests ({@link PendingPushes}). The rate limits: A client's bucket counts only requests in which that client
 * authenticated, so that nobody else can use it up. Failed client authentications count against a bucket of the
 * source address, which, once empty, turns that address's requests away before any work: guessing secrets is
 * slowed without touching the real client.
 */
public final class RateLimits {

    private final TokenBuckets clients = new TokenBuckets();
    private final TokenBuckets failedAuthentications = new TokenBuckets();
    private final PendingPushes pendingPushes;

    public RateLimits(PendingPushes pendingPushes) {
        this.pendingPushes = pendingPushes;
    }

    /** Whether the node (or the realm) holds too many pending pushes for one more from this client. */
    Optional<PendingPushes.Refusal> pushRefused(RealmModel realm, String clientId) {
        return pendingPushes.refusal(realm.getId(), Auth0ParSettings.maxPendingRequests(realm), clientId);
    }

    void pushAccepted(RealmModel realm, String clientId, int lifespanSeconds) {
        pendingPushes.accepted(realm.getId(), clientId, lifespanSeconds);
    }

    /** The address's bucket when its failed authentications used it up; empty when it may go on. */
    Optional<TokenBuckets.RateLimit> addressRefused(RealmModel realm, String address) {
        int limit = Auth0ParSettings.failedAuthenticationLimit(realm);
        return limit <= 0 ? Optional.empty() : failedAuthentications.exhausted(key(realm, address), limit);
    }

    void countFailedAuthentication(RealmModel realm, String address) {
        int limit = Auth0ParSettings.failedAuthenticationLimit(realm);
        if (limit > 0) {
            failedAuthentications.acquire(key(realm, address), limit);
        }
    }

    /** A token from the bucket of a client that authenticated; empty when the realm sets no limit. */
    Optional<TokenBuckets.RateLimit> countClient(RealmModel realm, String clientId) {
        int limit = Auth0ParSettings.rateLimit(realm);
        return limit <= 0 ? Optional.empty() : Optional.of(clients.acquire(key(realm, clientId), limit));
    }

    private static String key(RealmModel realm, String name) {
        return realm.getId() + '\n' + name;
    }
}
