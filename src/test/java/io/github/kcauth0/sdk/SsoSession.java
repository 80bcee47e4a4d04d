package io.github.kcauth0.sdk;

import java.net.http.HttpResponse;

import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whether a browser still has its Keycloak SSO session in the par-it realm, as the user would notice it. */
final class SsoSession {

    private SsoSession() {
    }

    /**
     * Starts a fresh login of {@code sdk-app} at Auth0's {@code /authorize} in this browser: with a session,
     * Keycloak sends it straight back to the application with a code; without, it shows the login form.
     */
    static boolean isActive(KeycloakServer server, Browser browser) {
        String domain = "https://" + server.httpsDomain(TestRealms.PAR_IT);
        HttpResponse<String> pushed = Http.postForm(domain + "/oauth/par", Http.form("client_id", "sdk-app",
                "client_secret", "sdk-secret", "response_type", "code", "redirect_uri", CALLBACK, "scope", "openid",
                "code_challenge", TestRealms.CODE_CHALLENGE, "code_challenge_method", "S256"));
        assertEquals(201, pushed.statusCode(), pushed.body());
        String requestUri = Http.json(pushed).get("request_uri").asText();
        HttpResponse<String> page = browser.open(domain + "/authorize?client_id=sdk-app&request_uri=" + Http.urlEncode(requestUri));
        if (Browser.isLoginPage(page)) {
            return false;
        }
        String location = page.headers().firstValue("Location").orElse("");
        if (page.statusCode() == 302 && location.startsWith(CALLBACK + "?") && location.contains("code=")) {
            return true;
        }
        throw new AssertionError("Neither the login form nor a code: " + page.statusCode() + " " + location + "\n" + page.body());
    }
}
