package io.github.kcauth0.logout;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.Jwt;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Auth0's {@code /v2/logout} and {@code /oidc/logout}: the SSO session ends and the browser lands on the return URL
 * when the client allows it (par-it's clients allow their redirect URIs, Keycloak's default), and nowhere else.
 * {@code /oidc/logout} ends it at once only with proof that the application asked (an ID token or Auth0's
 * {@code logout_hint} naming the browser's session); otherwise the user confirms on Keycloak's page.
 */
class LogoutIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private final Auth0Domain domain = new Auth0Domain(server, TestRealms.PAR_IT);
    private final String v2Logout = server.domain(TestRealms.PAR_IT) + "/v2/logout";
    private final String oidcLogout = server.domain(TestRealms.PAR_IT) + "/oidc/logout";
    /** Keycloak's own logout confirmation, where its page's form posts (a path on the same server). */
    private static final String LOGOUT_CONFIRM = "/realms/" + TestRealms.PAR_IT + "/protocol/openid-connect/logout/logout-confirm";

    @Test
    void v2LogoutEndsTheSessionAndReturnsToAnAllowedUrlWithoutConfirmation() {
        Browser browser = new Browser(server);
        domain.logIn(browser, "alice", "alice-password");
        assertTrue(isSignedIn(browser), "a second login is silent while the session lasts");

        HttpResponse<String> logout = browser.open(v2Logout + "?client_id=confidential-app&returnTo=" + Http.urlEncode(CALLBACK) + "&federated");

        assertEquals(302, logout.statusCode(), logout.body());
        assertEquals(CALLBACK, logout.headers().firstValue("Location").orElseThrow());
        assertFalse(isSignedIn(browser), "the login form is shown again");
    }

    @Test
    void oidcLogoutWithTheIdTokenFromOauthTokenReturnsWithState() {
        Browser browser = new Browser(server);
        String idToken = domain.logIn(browser, "alice", "alice-password").get("id_token").asText();

        HttpResponse<String> logout = browser.open(oidcLogout + "?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + Http.urlEncode(CALLBACK) + "&state=bye-123");

        assertEquals(302, logout.statusCode(), logout.body());
        assertEquals(CALLBACK + "?state=bye-123", logout.headers().firstValue("Location").orElseThrow());
        assertFalse(isSignedIn(browser));
    }

    @Test
    void keycloaksOwnLogoutAndPromptNoneTakeTheIdTokenFromOauthTokenAsHint() {
        Browser browser = new Browser(server);
        String idToken = domain.logIn(browser, "alice", "alice-password").get("id_token").asText();

        // prompt=none with the hint: the session is still there, so a code comes back without a page
        java.util.Map<String, String> silent = Auth0Domain.validRequest();
        silent.putAll(Http.form("prompt", "none", "id_token_hint", idToken));
        HttpResponse<String> authorized = browser.open(domain.authorizeUrl("confidential-app", domain.requestUri(silent)));
        assertEquals(302, authorized.statusCode(), authorized.body());
        assertTrue(authorized.headers().firstValue("Location").orElseThrow().contains("code="));

        // Keycloak's end-session endpoint skips its confirmation for a valid hint
        HttpResponse<String> logout = browser.open(domain.keycloakIssuer() + "/protocol/openid-connect/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + Http.urlEncode(CALLBACK));
        assertEquals(302, logout.statusCode(), logout.body());
        assertEquals(CALLBACK, logout.headers().firstValue("Location").orElseThrow());
        assertFalse(isSignedIn(browser));
    }

    @Test
    void returnUrlTheClientDoesNotAllowGetsAnErrorPageAndTheSessionStays() {
        Browser browser = new Browser(server);
        domain.logIn(browser, "alice", "alice-password");

        HttpResponse<String> logout = browser.open(v2Logout + "?client_id=confidential-app&returnTo=" + Http.urlEncode("https://evil.example/"));

        assertEquals(400, logout.statusCode());
        assertTrue(logout.headers().firstValue("Location").isEmpty());
        assertTrue(logout.body().contains("Invalid redirect uri"), logout.body());
        assertTrue(isSignedIn(browser));
    }

    @Test
    void returnUrlWithoutAClientGetsAnErrorPage() {
        HttpResponse<String> unknownClient = Http.get(v2Logout + "?client_id=no-such-app&returnTo=" + Http.urlEncode(CALLBACK));
        HttpResponse<String> noClient = Http.get(v2Logout + "?returnTo=" + Http.urlEncode(CALLBACK));

        assertEquals(400, unknownClient.statusCode());
        assertEquals(400, noClient.statusCode());
        assertTrue(noClient.headers().firstValue("Location").isEmpty());
    }

    @Test
    void logoutWithoutReturnUrlShowsThatTheUserIsLoggedOut() {
        Browser browser = new Browser(server);
        domain.logIn(browser, "alice", "alice-password");

        HttpResponse<String> logout = browser.open(v2Logout + "?client_id=confidential-app");

        assertEquals(200, logout.statusCode());
        assertTrue(logout.body().contains("You are logged out"), logout.body());
        assertFalse(isSignedIn(browser));
    }

    @Test
    void forgedIdTokenHintGetsAnErrorPage() {
        HttpResponse<String> logout = Http.get(oidcLogout + "?id_token_hint=eyJhbGciOiJSUzI1NiJ9.eyJhenAiOiJ4In0.c2ln");

        assertEquals(400, logout.statusCode());
        assertTrue(logout.headers().firstValue("Location").isEmpty());
    }

    @Test
    void oidcLogoutWithoutParametersAsksTheUserAndOnlyTheConfirmationEndsTheSession() {
        Browser browser = new Browser(server);
        domain.logIn(browser, "alice", "alice-password");

        HttpResponse<String> asked = browser.open(oidcLogout);

        assertAsksToConfirm(asked, "Do you want to log out?");
        assertTrue(isSignedIn(browser), "a bare GET (an <img> on any page) leaves the session alive");
        HttpResponse<String> confirmed = confirm(browser, browser.open(oidcLogout));
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertTrue(confirmed.body().contains("You are logged out"), confirmed.body());
        assertFalse(isSignedIn(browser));
    }

    @Test
    void oidcLogoutNamingOnlyAClientAsksAndTheConfirmationReturnsToItsUrlWithState() {
        Browser browser = new Browser(server);
        domain.logIn(browser, "alice", "alice-password");

        HttpResponse<String> asked = browser.open(oidcLogout + "?client_id=confidential-app&post_logout_redirect_uri="
                + Http.urlEncode(CALLBACK) + "&state=bye-456");

        assertAsksToConfirm(asked, "Do you want to log out?");
        HttpResponse<String> confirmed = confirm(browser, asked);
        assertEquals(302, confirmed.statusCode(), confirmed.body());
        assertEquals(CALLBACK + "?state=bye-456", confirmed.headers().firstValue("Location").orElseThrow());
        assertFalse(isSignedIn(browser));
    }

    @Test
    void oidcLogoutWithAnUnknownClientAsksTheUser() {
        Browser browser = new Browser(server);
        domain.logIn(browser, "alice", "alice-password");

        assertAsksToConfirm(browser.open(oidcLogout + "?client_id=no-such-app"), "Do you want to log out?");
        assertTrue(isSignedIn(browser));
    }

    @Test
    void confirmationIsInTheUsersLanguage() {
        Browser browser = new Browser(server, "de");
        domain.logIn(browser, "alice", "alice-password");

        assertAsksToConfirm(browser.open(oidcLogout + "?client_id=confidential-app"), "Wollen Sie sich abmelden?");
        assertTrue(isSignedIn(browser));
    }

    @Test
    void idTokenOfAnotherSessionAsksTheUserAndLeavesBothSessionsAlive() {
        Browser browser = new Browser(server);
        domain.logIn(browser, "alice", "alice-password");
        Browser elsewhere = new Browser(server);
        String otherSessionsIdToken = domain.logIn(elsewhere, "alice", "alice-password").get("id_token").asText();

        HttpResponse<String> asked = browser.open(oidcLogout + "?id_token_hint=" + otherSessionsIdToken
                + "&post_logout_redirect_uri=" + Http.urlEncode(CALLBACK));

        assertAsksToConfirm(asked, "Do you want to log out?");
        assertTrue(isSignedIn(browser), "the hint names another session");
        assertTrue(isSignedIn(elsewhere));
        HttpResponse<String> confirmed = confirm(browser, browser.open(oidcLogout + "?id_token_hint=" + otherSessionsIdToken
                + "&post_logout_redirect_uri=" + Http.urlEncode(CALLBACK)));
        assertEquals(302, confirmed.statusCode(), confirmed.body());
        assertEquals(CALLBACK, confirmed.headers().firstValue("Location").orElseThrow());
        assertFalse(isSignedIn(browser), "the confirmation ends this browser's session");
    }

    @Test
    void logoutHintOfTheBrowsersSessionEndsItAtOnceAnotherOneAsks() {
        Browser browser = new Browser(server);
        String sid = (String) Jwt.claims(domain.logIn(browser, "alice", "alice-password").get("id_token").asText()).get("sid");
        Browser elsewhere = new Browser(server);
        String otherSid = (String) Jwt.claims(domain.logIn(elsewhere, "alice", "alice-password").get("id_token").asText()).get("sid");

        assertAsksToConfirm(browser.open(oidcLogout + "?client_id=confidential-app&logout_hint=" + otherSid), "Do you want to log out?");
        assertTrue(isSignedIn(browser));
        HttpResponse<String> logout = browser.open(oidcLogout + "?client_id=confidential-app&logout_hint=" + sid
                + "&post_logout_redirect_uri=" + Http.urlEncode(CALLBACK));

        assertEquals(302, logout.statusCode(), logout.body());
        assertEquals(CALLBACK, logout.headers().firstValue("Location").orElseThrow());
        assertFalse(isSignedIn(browser));
        assertTrue(isSignedIn(elsewhere));
    }

    @Test
    void idTokenHintWithoutACookieEndsTheSessionItNames() {
        Browser browser = new Browser(server);
        String idToken = domain.logIn(browser, "alice", "alice-password").get("id_token").asText();

        HttpResponse<String> logout = new Browser(server).open(oidcLogout + "?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + Http.urlEncode(CALLBACK) + "&state=s");

        assertEquals(302, logout.statusCode(), logout.body());
        assertEquals(CALLBACK + "?state=s", logout.headers().firstValue("Location").orElseThrow());
        assertFalse(isSignedIn(browser), "the hinted session ended");
    }

    /** Keycloak's confirmation page: its question, and a form to Keycloak's logout-confirm. */
    private void assertAsksToConfirm(HttpResponse<String> page, String question) {
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains(question), page.body());
        assertTrue(Pattern.compile("<form[^>]*action=\"[^\"]*" + Pattern.quote(LOGOUT_CONFIRM)).matcher(page.body()).find(), page.body());
    }

    /** The user presses "Log out" on Keycloak's confirmation page. */
    private HttpResponse<String> confirm(Browser browser, HttpResponse<String> page) {
        Matcher code = Pattern.compile("name=\"session_code\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(code.find(), page.body());
        return browser.submitFormTo(page, LOGOUT_CONFIRM,
                Http.form("session_code", code.group(1), "confirmLogout", "Log out"));
    }

    /** Whether Keycloak still knows the user in this browser: a new pushed request then needs no login form. */
    private boolean isSignedIn(Browser browser) {
        String requestUri = domain.requestUri(Auth0Domain.validRequest());
        HttpResponse<String> answer = browser.open(domain.authorizeUrl("confidential-app", requestUri));
        if (Browser.isLoginPage(answer)) {
            return false;
        }
        assertEquals(302, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Location").orElseThrow().startsWith(CALLBACK + "?"));
        return true;
    }
}
