package io.github.kcauth0.ops;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import com.auth0.client.auth.AuthAPI;
import com.auth0.exception.RateLimitException;
import com.auth0.net.client.DefaultHttpClient;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.PushedRequestStore;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The realm's rate limit: a token bucket per client, 429 with Auth0's X-RateLimit-* headers above it. */
class RateLimitIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private final Admin admin = new Admin(server);
    private final Auth0Domain domain = new Auth0Domain(server, TestRealms.PAR_IT);

    /** A second without requests fills every bucket again, so that each test starts with full buckets. */
    @AfterEach
    void removeTheLimitAndLetBucketsRefill() throws InterruptedException {
        admin.setRealmAttribute(TestRealms.PAR_IT, "auth0-par.rate-limit", "0");
        admin.setRealmAttribute(TestRealms.PAR_IT, "auth0-par.failed-authentication-limit", "0");
        Thread.sleep(1100);
    }

    @Test
    void requestsUnderTheLimitCarryItsHeaders() {
        admin.setRealmAttribute(TestRealms.PAR_IT, "auth0-par.rate-limit", "5");

        long sent = Instant.now().getEpochSecond();
        HttpResponse<String> response = domain.push(clientRequest("other-app", "other-secret"));
        long answered = Instant.now().getEpochSecond();

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("5", header(response, "X-RateLimit-Limit"));
        assertEquals("4", header(response, "X-RateLimit-Remaining"));
        long reset = Long.parseLong(header(response, "X-RateLimit-Reset"));
        assertTrue(reset >= sent && reset <= answered + 1, "full again within a second: reset " + reset);
    }

    @Test
    void requestOverTheLimitIsTooManyRequests() {
        admin.setRealmAttribute(TestRealms.PAR_IT, "auth0-par.rate-limit", "2");
        Map<String, String> form = clientRequest("other-app", "other-secret");

        assertEquals(201, domain.push(form).statusCode());
        assertEquals(201, domain.push(form).statusCode());
        HttpResponse<String> limited = domain.push(form);

        assertEquals(429, limited.statusCode(), limited.body());
        assertEquals("too_many_requests", Http.json(limited).get("error").asText());
        assertEquals("2", header(limited, "X-RateLimit-Limit"));
        assertEquals("0", header(limited, "X-RateLimit-Remaining"));
        assertTrue(Long.parseLong(header(limited, "Retry-After")) >= 1);
    }

    @Test
    void forgedBurstNamingAClientLeavesItsBucketAlone() {
        admin.setRealmAttribute(TestRealms.PAR_IT, "auth0-par.rate-limit", "5");
        Map<String, String> forged = clientRequest("other-app", "guessed-secret");

        for (int i = 0; i < 12; i++) {
            HttpResponse<String> refused = domain.push(forged, "X-Forwarded-For", "127.0.0.2");
            assertEquals(401, refused.statusCode(), refused.body());
            assertFalse(refused.headers().firstValue("X-RateLimit-Limit").isPresent(), "no bucket is shown to an unauthenticated caller");
        }

        HttpResponse<String> real = domain.push(clientRequest("other-app", "other-secret"));
        assertEquals(201, real.statusCode(), real.body());
        assertEquals("4", header(real, "X-RateLimit-Remaining"));
    }

    @Test
    void failedAuthenticationsTurnTheirAddressAwayButNotTheRealClient() {
        admin.setRealmAttribute(TestRealms.PAR_IT, "auth0-par.failed-authentication-limit", "3");
        Map<String, String> forged = clientRequest("other-app", "guessed-secret");

        for (int i = 0; i < 3; i++) {
            assertEquals(401, domain.push(forged, "X-Forwarded-For", "127.0.0.2").statusCode());
        }
        HttpResponse<String> turnedAway = domain.push(forged, "X-Forwarded-For", "127.0.0.2");
        HttpResponse<String> rightSecretSameAddress = domain.push(clientRequest("other-app", "other-secret"), "X-Forwarded-For", "127.0.0.2");
        HttpResponse<String> tokenSameAddress = Http.postForm(domain.tokenUrl(), Http.form("grant_type", "authorization_code",
                "client_id", "other-app", "client_secret", "guessed-secret", "code", "x"), "X-Forwarded-For", "127.0.0.2");

        assertEquals(429, turnedAway.statusCode(), turnedAway.body());
        assertEquals("too_many_requests", Http.json(turnedAway).get("error").asText());
        assertFalse(turnedAway.headers().firstValue("X-RateLimit-Limit").isPresent(), "no bucket is shown to an unauthenticated caller");
        assertTrue(Long.parseLong(header(turnedAway, "Retry-After")) >= 1);
        assertEquals(429, rightSecretSameAddress.statusCode(), "the address waits, whatever it sends");
        assertEquals(429, tokenSameAddress.statusCode(), "at /oauth/token too");
        assertEquals(201, domain.push(clientRequest("other-app", "other-secret")).statusCode(), "the client from its own address");
    }

    @Test
    void failedAuthenticationsForOneClientLeaveAnotherClientAtTheSameAddressAlone() {
        admin.setRealmAttribute(TestRealms.PAR_IT, "auth0-par.failed-authentication-limit", "3");
        Map<String, String> forged = clientRequest("other-app", "guessed-secret");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, domain.push(forged, "X-Forwarded-For", "127.0.0.3").statusCode());
        }
        assertEquals(429, domain.push(forged, "X-Forwarded-For", "127.0.0.3").statusCode(), "the guessed-at client waits");

        HttpResponse<String> otherClientPush = domain.push(Auth0Domain.validRequest(), "X-Forwarded-For", "127.0.0.3");
        HttpResponse<String> otherClientToken = Http.postForm(domain.tokenUrl(), Http.form("grant_type", "authorization_code",
                "client_id", "confidential-app", "client_secret", "wrong", "code", "x"), "X-Forwarded-For", "127.0.0.3");

        assertEquals(201, otherClientPush.statusCode(), otherClientPush.body());
        assertEquals(401, otherClientToken.statusCode(), otherClientToken.body());
        assertEquals("invalid_client", Http.json(otherClientToken).get("error").asText());
    }

    /** Site-local IPv6 addresses, which the realm's "SSL required: external" lets use plain HTTP, as 127.0.0.x. */
    @Test
    void anIpv6CallerIsCountedByItsSlash64() {
        admin.setRealmAttribute(TestRealms.PAR_IT, "auth0-par.failed-authentication-limit", "2");
        Map<String, String> forged = clientRequest("other-app", "guessed-secret");
        assertEquals(401, domain.push(forged, "X-Forwarded-For", "fec0:0:0:1::1").statusCode());
        assertEquals(401, domain.push(forged, "X-Forwarded-For", "fec0:0:0:1::2").statusCode());

        HttpResponse<String> sameNetwork = domain.push(forged, "X-Forwarded-For", "fec0:0:0:1:ffff::3");
        HttpResponse<String> otherNetwork = domain.push(forged, "X-Forwarded-For", "fec0:0:0:2::1");

        assertEquals(429, sameNetwork.statusCode(), "another address of the same /64: " + sameNetwork.body());
        assertEquals(401, otherNetwork.statusCode(), "another /64: " + otherNetwork.body());
    }

    @Test
    void requestOverTheLimitStoresNothing() {
        admin.setRealmAttribute(TestRealms.PAR_IT, "auth0-par.rate-limit", "1");
        Map<String, String> form = clientRequest("other-app", "other-secret");
        assertEquals(201, domain.push(form).statusCode());
        PushedRequestStore store = new PushedRequestStore(server);
        long writesBefore = store.writes();
        long removalsBefore = store.removals();

        HttpResponse<String> limited = domain.push(form);

        assertEquals(429, limited.statusCode());
        // Keycloak's endpoint stored the request before the client was known to be over its limit: it is gone again.
        assertEquals(store.writes() - writesBefore, store.removals() - removalsBefore, "every write removed again");
    }

    @Test
    void eachClientHasItsOwnBucket() {
        admin.setRealmAttribute(TestRealms.PAR_IT, "auth0-par.rate-limit", "1");
        Map<String, String> other = clientRequest("other-app", "other-secret");
        assertEquals(201, domain.push(other).statusCode());

        assertEquals(429, domain.push(other).statusCode());
        assertEquals(201, domain.push(Auth0Domain.validRequest()).statusCode());
    }

    @Test
    void bucketRefillsWithinASecond() throws InterruptedException {
        admin.setRealmAttribute(TestRealms.PAR_IT, "auth0-par.rate-limit", "1");
        Map<String, String> form = clientRequest("other-app", "other-secret");
        assertEquals(201, domain.push(form).statusCode());
        assertEquals(429, domain.push(form).statusCode());

        Thread.sleep(1100);

        assertEquals(201, domain.push(form).statusCode());
    }

    @Test
    void withoutALimitThereAreNoRateLimitHeaders() {
        HttpResponse<String> response = domain.push(clientRequest("other-app", "other-secret"));

        assertEquals(201, response.statusCode());
        assertFalse(response.headers().firstValue("X-RateLimit-Limit").isPresent());
    }

    @Test
    void auth0SdkSurfacesTheLimitAsItsRateLimitException() throws Exception {
        admin.setRealmAttribute(TestRealms.PAR_IT, "auth0-par.rate-limit", "1");
        AuthAPI auth = AuthAPI.newBuilder(server.domain(TestRealms.PAR_IT), "other-app", "other-secret")
                .withHttpClient(DefaultHttpClient.newBuilder().withMaxRetries(0).build())
                .build();
        auth.pushedAuthorizationRequest(CALLBACK, "code", Map.of("scope", "openid")).execute();

        RateLimitException limited = assertThrows(RateLimitException.class,
                () -> auth.pushedAuthorizationRequest(CALLBACK, "code", Map.of("scope", "openid")).execute());

        assertEquals(429, limited.getStatusCode());
        assertEquals(1, limited.getLimit());
        assertEquals(0, limited.getRemaining());
        assertTrue(limited.getReset() >= Instant.now().getEpochSecond());
        assertEquals("too_many_requests", limited.getError());
    }

    private static Map<String, String> clientRequest(String clientId, String secret) {
        Map<String, String> form = Auth0Domain.validRequest();
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return form;
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("No " + name + " in " + response.headers()));
    }
}
