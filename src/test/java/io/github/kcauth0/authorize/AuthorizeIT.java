package io.github.kcauth0.authorize;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Auth0's {@code /authorize} at {@code {keycloak}/realms/{realm}/authorize}: Keycloak's login, Auth0's URL. */
class AuthorizeIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final String NOT_HONOURED = "This sign-in link is no longer valid";
    private final Auth0Domain domain = new Auth0Domain(server, TestRealms.PAR_IT);

    @Test
    void pushedRequestLogsInThroughAuthorizeAndRedeemsAtOAuthToken() {
        String requestUri = domain.requestUri(Auth0Domain.validRequest());

        URI callback = new Browser(server).login(domain.authorizeUrl("confidential-app", requestUri), "alice", "alice-password");
        assertEquals("state-123", Browser.queryParameters(callback).get("state"));
        HttpResponse<String> tokens = domain.redeem("confidential-app", "confidential-secret", Auth0Domain.code(callback));

        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals(List.of("access_token", "id_token", "refresh_token", "token_type", "expires_in", "scope"),
                List.copyOf(Http.jsonMap(tokens.body()).keySet()));
        assertEquals("Bearer", Http.json(tokens).get("token_type").asText());
    }

    @Test
    void plainAuthorizeRequestWithoutParLogsIn() {
        String url = domain.authorizeUrl(Http.form("client_id", "confidential-app", "response_type", "code",
                "redirect_uri", CALLBACK, "scope", "openid", "state", "plain-1",
                "code_challenge", TestRealms.CODE_CHALLENGE, "code_challenge_method", "S256"));

        URI callback = new Browser(server).login(url, "alice", "alice-password");

        assertEquals("plain-1", Browser.queryParameters(callback).get("state"));
        assertEquals(200, domain.redeem("confidential-app", "confidential-secret", Auth0Domain.code(callback)).statusCode());
    }

    @Test
    void plainPkceWithoutParIsAnErrorPageNotTheLoginForm() {
        Map<String, String> query = plainRequest("code_challenge_method", "plain");
        query.put("code_challenge", TestRealms.CODE_VERIFIER);

        assertClearPage(new Browser(server).open(domain.authorizeUrl(query)),
                "Invalid parameter: code_challenge_method: only S256 is allowed");
    }

    @Test
    void pkceMethodOrChallengeAloneWithoutParIsAnErrorPage() {
        Map<String, String> methodAlone = plainRequest("code_challenge_method", "S256");
        methodAlone.remove("code_challenge");
        Map<String, String> challengeAlone = plainRequest("code_challenge", TestRealms.CODE_CHALLENGE);
        challengeAlone.remove("code_challenge_method");

        assertClearPage(new Browser(server).open(domain.authorizeUrl(methodAlone)), "Missing parameter: code_challenge");
        assertClearPage(new Browser(server).open(domain.authorizeUrl(challengeAlone)), "Missing parameter: code_challenge_method");
    }

    @Test
    void s256PkceWithoutParShowsTheLoginForm() {
        HttpResponse<String> page = new Browser(server).open(domain.authorizeUrl(plainRequest("state", "s256")));

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(Browser.isLoginPage(page), page.body());
    }

    @Test
    void requestUriUsedForACompletedLoginShowsAClearPage() {
        String requestUri = domain.requestUri(Auth0Domain.validRequest());
        new Browser(server).login(domain.authorizeUrl("confidential-app", requestUri), "alice", "alice-password");

        assertClearPage(new Browser(server).open(domain.authorizeUrl("confidential-app", requestUri)), NOT_HONOURED);
    }

    @Test
    void requestUriOpenedAgainBeforeItsLoginCompletedShowsAClearPageBeforeKeycloak26_7() {
        String requestUri = domain.requestUri(Auth0Domain.validRequest());
        assertTrue(Browser.isLoginPage(new Browser(server).open(domain.authorizeUrl("confidential-app", requestUri))));

        HttpResponse<String> again = new Browser(server).open(domain.authorizeUrl("confidential-app", requestUri));

        if (server.isOlderThan(26, 7)) {
            // Keycloak 26.4 and 26.5 consume a pushed request on its first use.
            assertClearPage(again, NOT_HONOURED);
        } else {
            // Keycloak 26.7 removes it when a login with it completes.
            assertEquals(200, again.statusCode(), again.body());
            assertTrue(Browser.isLoginPage(again));
        }
    }

    @Test
    void plainAuthorizeRequestWithConnectionGoesToThatIdentityProvider() {
        HttpResponse<String> answer = new Browser(server).open(domain.authorizeUrl(plainRequest("connection", "corp")));

        String location = answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError(answer.body()));
        assertTrue(location.startsWith("https://sso.corp.example/authorize?"), location);
    }

    @Test
    void plainAuthorizeRequestWithSignupScreenHintShowsTheRegistrationForm() {
        HttpResponse<String> page = new Browser(server).open(domain.authorizeUrl(plainRequest("screen_hint", "signup")));

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("kc-register-form"), page.body());
    }

    @Test
    void unknownRequestUriShowsAClearPage() {
        assertClearPage(new Browser(server).open(domain.authorizeUrl("confidential-app",
                "urn:ietf:params:oauth:request_uri:never-issued")), NOT_HONOURED);
    }

    @Test
    void anotherClientsRequestUriShowsAClearPage() {
        String requestUri = domain.requestUri(Auth0Domain.validRequest());

        assertClearPage(new Browser(server).open(domain.authorizeUrl("other-app", requestUri)), NOT_HONOURED);
    }

    @Test
    void expiredRequestUriShowsAClearPage() throws InterruptedException {
        Admin admin = new Admin(server);
        admin.setRealmAttribute(TestRealms.PAR_IT, "parRequestUriLifespan", "1");
        try {
            String requestUri = domain.requestUri(Auth0Domain.validRequest());
            Thread.sleep(2000);

            assertClearPage(new Browser(server).open(domain.authorizeUrl("confidential-app", requestUri)), NOT_HONOURED);
        } finally {
            admin.setRealmAttribute(TestRealms.PAR_IT, "parRequestUriLifespan", "60");
        }
    }

    @Test
    void clearPageSpeaksTheUsersLanguage() {
        HttpResponse<String> page = new Browser(server, "de").open(domain.authorizeUrl("confidential-app",
                "urn:ietf:params:oauth:request_uri:never-issued"));

        assertClearPage(page, "Dieser Anmeldelink ist nicht mehr gültig");
    }

    @Test
    void clientThatRequiresParIsRefusedAPlainRequest() {
        String plain = domain.authorizeUrl(Http.form("client_id", "par-required-app", "response_type", "code",
                "redirect_uri", CALLBACK, "scope", "openid", "state", "s"));

        HttpResponse<String> answer = new Browser(server).open(plain);

        assertFalse(Browser.isLoginPage(answer), "no login without PAR");
        URI back = URI.create(answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError(answer.body())));
        assertEquals("invalid_request", Browser.queryParameters(back).get("error"));
    }

    @Test
    void clientThatRequiresParLogsInWithAPushedRequest() {
        Map<String, String> form = Auth0Domain.validRequest();
        form.put("client_id", "par-required-app");
        form.put("client_secret", "par-required-secret");
        String requestUri = domain.requestUri(form);

        URI callback = new Browser(server).login(domain.authorizeUrl("par-required-app", requestUri), "alice", "alice-password");

        assertEquals(200, domain.redeem("par-required-app", "par-required-secret", Auth0Domain.code(callback)).statusCode());
    }

    @Test
    void invitationIsShownAsAClearPage() {
        String url = domain.authorizeUrl(Http.form("client_id", "confidential-app", "response_type", "code",
                "redirect_uri", CALLBACK, "invitation", "ticket-123"));

        assertClearPage(new Browser(server).open(url), "Parameter not supported: invitation");
    }

    @Test
    void authorizeIsNotServedInARealmWithoutTheExtension() {
        assertEquals(404, Http.get(server.domain("master") + "/authorize?client_id=x&request_uri=y").statusCode());
    }

    private static Map<String, String> plainRequest(String name, String value) {
        Map<String, String> query = Http.form("client_id", "confidential-app", "response_type", "code",
                "redirect_uri", CALLBACK, "scope", "openid", "state", "plain-2",
                "code_challenge", TestRealms.CODE_CHALLENGE, "code_challenge_method", "S256");
        query.put(name, value);
        return query;
    }

    private static void assertClearPage(HttpResponse<String> page, String text) {
        assertEquals(400, page.statusCode(), page.body());
        assertFalse(Browser.isLoginPage(page));
        assertTrue(page.body().contains(text), page.body());
        assertFalse(page.body().contains("Exception"), page.body());
    }
}
