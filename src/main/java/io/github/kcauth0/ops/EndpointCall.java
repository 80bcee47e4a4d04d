package io.github.kcauth0.ops;

import java.time.Duration;

import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.oauth.OAuthErrorResponses;
import io.github.kcauth0.realm.Auth0ParSettings;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
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

    private final String endpoint;
    private final RealmModel realm;
    private final long startedNanos = System.nanoTime();
    private String clientId;
    private ClientRateLimiter.RateLimit rateLimit;

    public EndpointCall(String endpoint, RealmModel realm) {
        this.endpoint = endpoint;
        this.realm = realm;
    }

    /** The client the request names (not yet authenticated). */
    public void client(String clientId) {
        this.clientId = clientId;
    }

    /** Counts the request against its client's bucket when the realm sets a limit; over it, a 429. */
    public void checkRateLimit(ClientRateLimiter limiter) {
        int limit = Auth0ParSettings.rateLimit(realm);
        // Only existing clients get a bucket, so that made-up client_ids cannot fill memory.
        if (limit <= 0 || clientId == null || realm.getClientByClientId(clientId) == null) {
            return;
        }
        rateLimit = limiter.acquire(realm.getId(), clientId, limit);
        if (!rateLimit.allowed()) {
            throw new OAuthError(429, OAuthError.TOO_MANY_REQUESTS,
                    "Rate limit exceeded: at most " + limit + " requests per second for this client");
        }
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
                endpoint, realm.getName(), clientId, error.status(), error.error());
    }

    /** In lower case, as Auth0 sends them: Auth0's SDKs look them up by these exact names. */
    private Response.ResponseBuilder withRateLimitHeaders(Response.ResponseBuilder answer) {
        if (rateLimit != null) {
            answer.header("x-ratelimit-limit", rateLimit.limit())
                    .header("x-ratelimit-remaining", rateLimit.remaining())
                    .header("x-ratelimit-reset", rateLimit.resetEpochSeconds());
            if (!rateLimit.allowed()) {
                answer.header("retry-after", Math.max(1, rateLimit.resetEpochSeconds() - System.currentTimeMillis() / 1000));
            }
        }
        return answer;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
