package io.github.kcauth0.par;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.Jwt;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.API;
import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;
import static io.github.kcauth0.support.TestRealms.CODE_VERIFIER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PAR here → Keycloak's authorization endpoint → the real login form → code → tokens, in the demo realm. */
class PushedLoginFlowIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private final Auth0Domain par = new Auth0Domain(server, TestRealms.DEMO);

    @Test
    void pushedRequestLogsInAndRedeemsWithItsAudienceNonceAndPkce() {
        // pushed authorization request
        String requestUri = par.requestUri(Http.form(
                "client_id", "YOUR_CLIENT_ID", "client_secret", "YOUR_CLIENT_SECRET", "response_type", "code",
                "redirect_uri", "https://your-app.com/callback", "scope", "openid profile email",
                "state", "xyzABC123", "nonce", "n-0S6_WzA2Mj", "audience", API,
                "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256"));

        // Keycloak's own authorization endpoint, and the user logs in
        URI callback = new Browser(server).login(par.authorizationUrl("YOUR_CLIENT_ID", requestUri), "demo", "demo");
        Map<String, String> returned = Browser.queryParameters(callback);
        assertTrue(callback.toString().startsWith("https://your-app.com/callback?"), callback.toString());
        assertEquals("xyzABC123", returned.get("state"));
        assertNotNull(returned.get("code"));

        // token request with the PKCE verifier
        HttpResponse<String> tokenResponse = Http.postForm(par.keycloakTokenUrl(), Http.form(
                "grant_type", "authorization_code", "code", returned.get("code"),
                "redirect_uri", "https://your-app.com/callback", "code_verifier", CODE_VERIFIER,
                "client_id", "YOUR_CLIENT_ID", "client_secret", "YOUR_CLIENT_SECRET"));
        assertEquals(200, tokenResponse.statusCode(), tokenResponse.body());
        JsonNode tokens = Http.json(tokenResponse);

        Map<String, Object> access = Jwt.claims(tokens.get("access_token").asText());
        Map<String, Object> id = Jwt.claims(tokens.get("id_token").asText());
        assertTrue(audiences(access).contains(API), "aud of " + access);
        assertEquals("n-0S6_WzA2Mj", id.get("nonce"));
        assertEquals("demo", id.get("preferred_username"));
        assertFalse(tokens.get("scope").asText().contains(API), "the audience is not a scope to the application");
    }

    @Test
    void codeFromPushedRequestIsNotRedeemedWithoutTheVerifier() {
        String requestUri = par.requestUri(Http.form(
                "client_id", "YOUR_CLIENT_ID", "client_secret", "YOUR_CLIENT_SECRET", "response_type", "code",
                "redirect_uri", "https://your-app.com/callback", "scope", "openid",
                "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256"));
        URI callback = new Browser(server).login(par.authorizationUrl("YOUR_CLIENT_ID", requestUri), "demo", "demo");

        HttpResponse<String> tokenResponse = Http.postForm(par.keycloakTokenUrl(), Http.form(
                "grant_type", "authorization_code", "code", Browser.queryParameters(callback).get("code"),
                "redirect_uri", "https://your-app.com/callback", "code_verifier", "wrong-" + CODE_VERIFIER,
                "client_id", "YOUR_CLIENT_ID", "client_secret", "YOUR_CLIENT_SECRET"));

        assertEquals(400, tokenResponse.statusCode(), tokenResponse.body());
        assertEquals("invalid_grant", Http.json(tokenResponse).get("error").asText());
    }

    @SuppressWarnings("unchecked")
    static List<String> audiences(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        return aud instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(aud));
    }
}
