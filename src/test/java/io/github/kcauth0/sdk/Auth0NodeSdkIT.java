package io.github.kcauth0.sdk;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.ClientKeys;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.NodeScript;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application on Auth0's Node SDK (npm {@code auth0} 6.x, {@code AuthenticationClient}), run against
 * Keycloak with only its domain changed to {@code localhost:{httpsPort}/realms/par-it}: the SDK itself checks
 * the ID tokens (signature with {@code /.well-known/jwks.json}, {@code iss} = {@code https://{domain}/}, {@code
 * aud}, {@code nonce}, and {@code org_name} for an organization's login). The script is
 * {@code src/test/node/auth0-authentication-client.mjs}.
 */
class Auth0NodeSdkIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final String DOMAIN = server.httpsDomain(TestRealms.PAR_IT);
    private static final String RETURN_TO = "https://app.example.com/logged-out";
    private static final ClientKeys jwtAppKeys = ClientKeys.generate();

    @BeforeAll
    static void registerClientKey() {
        jwtAppKeys.registerWith(new Admin(server), TestRealms.PAR_IT, "sdk-jwt-app");
    }

    @Test
    void clientSecretAppLogsInRenewsReadsTheProfileAndLogsOut() {
        Browser browser = new Browser(server);
        Map<String, String> config = config("sdk-app");
        config.put("clientSecret", "sdk-secret");

        JsonNode result = logIn(browser, config);

        assertEquals("https://" + DOMAIN + "/", result.get("idToken").get("iss").asText(), "Auth0's issuer form");
        assertEquals("https://" + DOMAIN + "/", result.get("renewedIdToken").get("iss").asText());
        assertEquals("alice", result.get("idToken").get("preferred_username").asText());
        assertEquals(result.get("idToken").get("sub"), result.get("userinfo").get("sub"));
        assertEquals("alice@example.com", result.get("userinfo").get("email").asText());
        assertLogoutEndsTheSession(browser, result.get("logout").asText());
    }

    @Test
    void privateKeyJwtAppLogsInRenewsReadsTheProfileAndLogsOut() {
        Browser browser = new Browser(server);
        Map<String, String> config = config("sdk-jwt-app");
        config.put("privateKeyPem", jwtAppKeys.privateKeyPem());

        JsonNode result = logIn(browser, config);

        assertEquals("sdk-jwt-app", result.get("idToken").get("azp").asText());
        assertEquals(result.get("idToken").get("sub"), result.get("userinfo").get("sub"));
        assertLogoutEndsTheSession(browser, result.get("logout").asText());
    }

    /**
     * The SDK, given {@code organization}, requires an {@code org_name} (an {@code org_id} for a value starting
     * {@code org_}); it checks only that the claim is there, so the values are checked here.
     */
    @Test
    void organizationLoginGivesTokensWithTheOrganization() {
        Map<String, String> config = config("sdk-app");
        config.put("clientSecret", "sdk-secret");
        config.put("organization", TestRealms.ORGANIZATION_ALIAS);

        JsonNode result = logIn(new Browser(server), config);

        JsonNode idToken = result.get("idToken");
        assertEquals(TestRealms.ORGANIZATION_ALIAS, idToken.get("org_name").asText());
        assertEquals(organizationId(), idToken.get("org_id").asText());
    }

    /** The script's configuration: the application's settings, its credential added by the test. */
    private static Map<String, String> config(String clientId) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("domain", DOMAIN);
        config.put("clientId", clientId);
        config.put("redirectUri", CALLBACK);
        config.put("returnTo", RETURN_TO);
        return config;
    }

    /** Runs the script: it pushes, alice logs in on Keycloak's form in this browser, it redeems and renews. */
    private static JsonNode logIn(Browser browser, Map<String, String> config) {
        try (NodeScript sdk = NodeScript.start(server, "auth0-authentication-client.mjs", config)) {
            URI callback = browser.login(sdk.read("authorize").asText(), "alice", "alice-password");
            sdk.write("callback", callback.toString());
            return sdk.result();
        }
    }

    /** Auth0's logout URL brings the browser back to returnTo, and the next login asks for the password again. */
    private static void assertLogoutEndsTheSession(Browser browser, String logoutUrl) {
        assertTrue(SsoSession.isActive(server, browser), "logged in before logout");

        HttpResponse<String> loggedOut = browser.open(logoutUrl);

        assertEquals(302, loggedOut.statusCode(), loggedOut.body());
        assertEquals(RETURN_TO, loggedOut.headers().firstValue("Location").orElseThrow());
        assertFalse(SsoSession.isActive(server, browser), "the SSO session ended");
    }

    private static String organizationId() {
        return new Admin(server).get("/" + TestRealms.PAR_IT + "/organizations?search=" + TestRealms.ORGANIZATION_ALIAS)
                .get(0).get("id").asText();
    }
}
