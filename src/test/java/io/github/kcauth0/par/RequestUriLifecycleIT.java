package io.github.kcauth0.par;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keycloak's authorization endpoint honours a request_uri from here with Keycloak's semantics. */
class RequestUriLifecycleIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private final Auth0Domain par = new Auth0Domain(server, TestRealms.PAR_IT);
    private final Admin admin = new Admin(server);

    @Test
    void requestUriIsNotHonouredAfterItsLoginCompleted() {
        String requestUri = par.requestUri(Auth0Domain.validRequest());
        URI callback = new Browser(server).login(par.authorizationUrl("confidential-app", requestUri), "alice", "alice-password");
        assertTrue(Browser.queryParameters(callback).containsKey("code"), callback.toString());

        HttpResponse<String> reuse = new Browser(server).open(par.authorizationUrl("confidential-app", requestUri));

        assertRejectedOnErrorPage(reuse);
    }

    @Test
    void requestUriOpenedAgainBeforeItsLoginCompletedIsHonouredFromKeycloak26_7() {
        String requestUri = par.requestUri(Auth0Domain.validRequest());
        assertTrue(Browser.isLoginPage(new Browser(server).open(par.authorizationUrl("confidential-app", requestUri))));

        HttpResponse<String> again = new Browser(server).open(par.authorizationUrl("confidential-app", requestUri));

        if (server.isOlderThan(26, 7)) {
            // Keycloak 26.4 and 26.5 consume a pushed request on its first use.
            assertRejectedOnErrorPage(again);
        } else {
            // Keycloak 26.7 removes it when a login with it completes.
            assertEquals(200, again.statusCode(), again.body());
            assertTrue(Browser.isLoginPage(again));
        }
    }

    @Test
    void requestUriExpiresAfterTheRealmsLifespan() {
        admin.setRealmAttribute(TestRealms.PAR_IT, "parRequestUriLifespan", "2");
        try {
            HttpResponse<String> pushed = par.push(Auth0Domain.validRequest());
            assertEquals(201, pushed.statusCode(), pushed.body());
            assertEquals(2, Http.json(pushed).get("expires_in").asInt(), "expires_in is the realm's lifespan");
            String requestUri = Http.json(pushed).get("request_uri").asText();

            sleep(Duration.ofSeconds(3));
            HttpResponse<String> expired = new Browser(server).open(par.authorizationUrl("confidential-app", requestUri));

            assertRejectedOnErrorPage(expired);
        } finally {
            admin.setRealmAttribute(TestRealms.PAR_IT, "parRequestUriLifespan", "60");
        }
    }

    @Test
    void requestUriWithinItsLifespanShowsTheLoginForm() {
        String requestUri = par.requestUri(Auth0Domain.validRequest());

        HttpResponse<String> page = new Browser(server).open(par.authorizationUrl("confidential-app", requestUri));

        assertEquals(200, page.statusCode());
        assertTrue(Browser.isLoginPage(page));
    }

    @Test
    void requestUriIsBoundToTheClientThatPushedIt() {
        String requestUri = par.requestUri(Auth0Domain.validRequest());

        HttpResponse<String> asOtherClient = new Browser(server).open(par.authorizationUrl("other-app", requestUri));

        assertRejectedOnErrorPage(asOtherClient);
    }

    @Test
    void unknownRequestUriIsRejected() {
        HttpResponse<String> unknown = new Browser(server).open(
                par.authorizationUrl("confidential-app", "urn:ietf:params:oauth:request_uri:never-issued"));

        assertRejectedOnErrorPage(unknown);
    }

    private static void assertRejectedOnErrorPage(HttpResponse<String> page) {
        assertEquals(400, page.statusCode(), page.body());
        assertFalse(Browser.isLoginPage(page), "no login form for a request_uri that is not honoured");
        assertTrue(page.headers().firstValue("Location").isEmpty(), "no redirect back to the application");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
