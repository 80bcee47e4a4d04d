package io.github.kcauth0.ops;

import java.time.Duration;

import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.oauth.OAuthErrorResponses;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.RealmModel;

/**
 * One request to an Auth0 endpoint, from arrival to answer. Every answer goes through here: it is counted and
 * timed, a rejection is recorded as a Keycloak event (unless Keycloak did) and logged, and the rate limit's
 * headers are added.
 */
public final class EndpointCall {

    /** One line per rejected request, at DEBUG: realm, client, status and error code, never a parameter value. */
    public static final String REJECTIONS_CATEGORY = "io.github.kcauth0.rejected";
    private static final Logger REJECTIONS = Logger.getLogger(REJECTIONS_CATEGORY);
    /** The endpoint name of {@code /oauth/par}, whose requests the pending-push cap and the client's rate limit admit. */
    public static final String PUSH = "par";

    private final String endpoint;
    private final RealmModel realm;
    /** The source address, as Keycloak's {@code ClientConnection} reports it (honouring the server's proxy settings). */
    private final String address;
    private final long startedNanos = System.nanoTime();
    private String clientId;
    /** The bucket of the client Keycloak authenticated: only its own client is told about it. */
    private TokenBuckets.RateLimit rateLimit;
    /** When a caller that was shed before authentication may try again, in epoch seconds; 0 if it was not shed. */
    private long retryAtEpochSeconds;

    public EndpointCall(String endpoint, KeycloakContext context) {
        this.endpoint = endpoint;
        this.realm = context.getRealm();
        this.address = context.getConnection().getRemoteAddr();
    }

    /** The client the request names (not yet authenticated). */
    public void client(String clientId) {
        this.clientId = clientId;
    }

    /**
     * Before Keycloak's endpoint, the first admission step: a client whose failed authentications from this address
     * used up their allowance gets a 429 there, whatever the request holds. A push is also refused while the node,
     * or the realm, holds too many pending pushed requests, unless the client it names holds less than its fair
     * share; only accepted pushes count, so naming a client cannot use up its share.
     */
    public void admit(RateLimits limits) {
        limits.failuresRefused(realm, address, clientId).ifPresent(refused -> {
            retryAtEpochSeconds = refused.resetEpochSeconds();
            throw shed("failed_authentications", "Rate limit exceeded: too many failed client authentications from this address");
        });
        if (isPush()) {
            limits.pushRefused(realm, clientId).ifPresent(refused -> {
                retryAtEpochSeconds = System.currentTimeMillis() / 1000 + 1;
                throw shed(refused.reason(), "Too many pending pushed requests: try again shortly");
            });
        }
    }

    /**
     * After Keycloak's endpoint rejected the request, the second admission step: a failed client authentication
     * takes a token from the bucket of this address and client; a push of a client that authenticated takes one
     * from the client's bucket, and over its limit the answer is a 429.
     *
     * @param authenticated the client Keycloak authenticated, or null
     */
    public void rejectedByKeycloak(RateLimits limits, ClientModel authenticated, OAuthError rejection) {
        if (authenticated == null && OAuthError.INVALID_CLIENT.equals(rejection.error())) {
            limits.countFailedAuthentication(realm, address, clientId);
        }
        if (isPush()) {
            countClient(limits, authenticated);
        }
    }

    /**
     * After Keycloak's endpoint accepted a push, the second admission step: the client takes a token from its
     * bucket; over its limit, what Keycloak stored is withdrawn and the answer is a 429. Otherwise the push is
     * pending for its lifespan.
     */
    public void pushedByKeycloak(RateLimits limits, ClientModel authenticated, int lifespanSeconds, Runnable withdraw) {
        try {
            countClient(limits, authenticated);
        } catch (OAuthError limited) {
            withdraw.run();
            throw limited;
        }
        limits.pushAccepted(realm, authenticated.getClientId(), lifespanSeconds);
    }

    /** A 429, counted by why it was shed. */
    private OAuthError shed(String reason, String description) {
        EndpointMetrics.recordShed(endpoint, realm.getName(), reason);
        return new OAuthError(429, OAuthError.TOO_MANY_REQUESTS, description);
    }

    private boolean isPush() {
        return PUSH.equals(endpoint);
    }

    /** A client that authenticated takes a token from its own bucket; over its limit, a 429. */
    private void countClient(RateLimits limits, ClientModel authenticated) {
        if (authenticated == null) {
            return;
        }
        limits.countClient(realm, authenticated.getClientId()).ifPresent(counted -> {
            rateLimit = counted;
            if (!counted.allowed()) {
                throw shed("client_limit", "Rate limit exceeded: at most " + counted.limit() + " requests per second for this client");
            }
        });
    }

    public Response succeeded(Response.ResponseBuilder answer) {
        EndpointMetrics.record(endpoint, realm.getName(), "success", elapsed());
        return withRateLimitHeaders(answer).build();
    }

    /** @param basicTried whether the client tried HTTP Basic authentication, which a 401 then challenges */
    public Response rejected(OAuthError error, EventBuilder event, boolean basicTried) {
        if (!error.isRecordedByKeycloak()) {
            event.detail(Details.REASON, error.description()).error(error.error());
        }
        logRejected(endpoint, realm, clientId, error);
        EndpointMetrics.record(endpoint, realm.getName(), error.error(), elapsed());
        Response answer = OAuthErrorResponses.of(error, basicTried ? realm.getName() : null);
        return withRateLimitHeaders(Response.fromResponse(answer)).build();
    }

    /** The rejection log's line, also for /authorize, whose rejections are pages. */
    public static void logRejected(String endpoint, RealmModel realm, String clientId, OAuthError error) {
        REJECTIONS.debugf("%s rejected: realm=%s client=%s status=%d error=%s",
                endpoint, realm.getName(), LogText.escaped(clientId), error.status(), error.error());
    }

    /**
     * In lower case, as Auth0 sends them: Auth0's SDKs look them up by these exact names. A caller that has not
     * authenticated learns when to try again, and nothing of any client's traffic.
     */
    private Response.ResponseBuilder withRateLimitHeaders(Response.ResponseBuilder answer) {
        if (rateLimit != null) {
            answer.header("x-ratelimit-limit", rateLimit.limit())
                    .header("x-ratelimit-remaining", rateLimit.remaining())
                    .header("x-ratelimit-reset", rateLimit.resetEpochSeconds());
            if (!rateLimit.allowed()) {
                retryAtEpochSeconds = rateLimit.resetEpochSeconds();
            }
        }
        if (retryAtEpochSeconds != 0) {
            answer.header("retry-after", Math.max(1, retryAtEpochSeconds - System.currentTimeMillis() / 1000));
        }
        return answer;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
