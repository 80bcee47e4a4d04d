package io.github.kcauth0.ops;

import java.util.Optional;

import io.github.kcauth0.realm.Auth0ParSettings;

import org.keycloak.models.RealmModel;

/**
 * What protects this node from more requests than it should take: the realm's two rate limits, and the cap on
 * pending pushed requests ({@link PendingPushes}). The rate limits: A client's bucket counts only requests in which that client
 * authenticated, so that nobody else can use it up. Failed client authentications count against a bucket of the
 * source address (an IPv6 address by its /64, which one subscriber usually holds whole) and the {@code client_id}
 * named, which, once empty, turns that address's requests for that client away before any work: guessing a
 * client's secret is slowed without touching the real client at its own address, nor other clients at this one.
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

    /** The bucket of this address and client when their failed authentications used it up; empty when it may go on. */
    Optional<TokenBuckets.RateLimit> failuresRefused(RealmModel realm, String address, String clientId) {
        int limit = Auth0ParSettings.failedAuthenticationLimit(realm);
        return limit <= 0 ? Optional.empty() : failedAuthentications.exhausted(failureKey(realm, address, clientId), limit);
    }

    void countFailedAuthentication(RealmModel realm, String address, String clientId) {
        int limit = Auth0ParSettings.failedAuthenticationLimit(realm);
        if (limit > 0) {
            failedAuthentications.acquire(failureKey(realm, address, clientId), limit);
        }
    }

    /** A token from the bucket of a client that authenticated; empty when the realm sets no limit. */
    Optional<TokenBuckets.RateLimit> countClient(RealmModel realm, String clientId) {
        int limit = Auth0ParSettings.rateLimit(realm);
        return limit <= 0 ? Optional.empty() : Optional.of(clients.acquire(key(realm, clientId), limit));
    }

    private static String failureKey(RealmModel realm, String address, String clientId) {
        return key(realm, SourceAddress.network(address) + '\n' + (clientId == null ? "" : clientId));
    }

    private static String key(RealmModel realm, String name) {
        return realm.getId() + '\n' + name;
    }
}
