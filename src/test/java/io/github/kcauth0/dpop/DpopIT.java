package io.github.kcauth0.dpop;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import io.github.kcauth0.support.NodeScript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DPoP (RFC 9449) end to end through Auth0's endpoints, with the proofs made by maintained client libraries:
 * oauth4webapi given Auth0's endpoints ({@code src/test/node/dpop-auth0-endpoints.mjs}) and openid-client 6 through
 * discovery ({@code dpop-discovery.mjs}). Keycloak verifies every proof, once, against the URL the client called.
 */
class DpopIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final Admin admin = new Admin(server);
    private static final String REALM = "dpop-it";
    private static final String DOMAIN = server.httpsDomain(REALM);
    private static final String APP = "dpop-app";
    private static final String REQUIRED_APP = "dpop-required-app";
    private static final String SECRET = "dpop-secret";

    @BeforeAll
    static void createRealm() {
        if (admin.send("GET", "/" + REALM, null).statusCode() == 200) {
            return;
        }
        ObjectNode realm = Http.JSON.createObjectNode().put("realm", REALM).put("enabled", true);
        realm.putObject("attributes").put("auth0-par.enabled", "true");
        realm.putArray("clients").add(client(APP)).add(client(REQUIRED_APP));
        ((ObjectNode) realm.get("clients").get(1)).putObject("attributes").put("dpop.bound.access.tokens", "true");
        TestRealms.addUser(realm, "alice");
        admin.post("", realm);
    }

    private static ObjectNode client(String clientId) {
        ObjectNode client = Http.JSON.createObjectNode().put("clientId", clientId).put("secret", SECRET);
        client.putArray("redirectUris").add(CALLBACK);
        return client;
    }

    @Test
    void loginBoundToOneKeyThroughAuth0sEndpointsAndEverythingElseRefused() {
        JsonNode result;
        try (NodeScript script = NodeScript.start(server, "dpop-auth0-endpoints.mjs", Map.of("domain", DOMAIN,
                "clientId", APP, "clientSecret", SECRET, "requiredClientId", REQUIRED_APP, "requiredClientSecret", SECRET,
                "redirectUri", CALLBACK))) {
            for (int login = 0; login < 4; login++) {
                script.write("callback", logIn(script.read("authorize").asText()).toString());
            }
            result = script.result();
        }
        String jkt = result.get("jkt").asText();

        // a proof at /oauth/par is verified once: the same proof again is refused by Keycloak's replay cache, or, on a
        // machine so loaded that the push took longer than the proof's 25 s, as no longer active
        JsonNode replayed = result.get("replayedParProof");
        assertDpopProofRefused(replayed, replayed.path("body").path("error_description").asText().contains("not active")
                ? "not active" : "already been used");

        // /oauth/token: a DPoP-bound access token
        assertEquals("DPoP", result.get("tokenAnswer").get("token_type").asText(), result.get("tokenAnswer").toString());
        assertEquals(jkt, result.get("accessToken").get("cnf").get("jkt").asText());
        assertEquals("https://" + DOMAIN + "/", result.get("idToken").get("iss").asText());

        // /userinfo: Authorization: DPoP with a proof of the key; neither as a bearer token nor with another key
        assertEquals("alice@example.com", result.get("userinfo").get("email").asText());
        assertUnauthorized(result.get("userinfoAsBearer"));
        assertUnauthorized(result.get("userinfoWithAttackerProof"));
        assertTrue(result.get("userinfoWithAttackerProof").get("wwwAuthenticate").asText().startsWith("DPoP "),
                result.get("userinfoWithAttackerProof").toString());

        // the proof's htu is the URL the client called: one signed for Keycloak's token endpoint is refused at /oauth/token
        assertDpopProofRefused(result.get("refreshWithKeycloaksHtu"), "DPoP HTTP URL mismatch");

        // refresh keeps the binding
        assertEquals("DPoP", result.get("refreshAnswer").get("token_type").asText(), result.get("refreshAnswer").toString());
        assertEquals(jkt, result.get("refreshedAccessToken").get("cnf").get("jkt").asText());
        assertNotEquals(result.get("accessToken").get("jti"), result.get("refreshedAccessToken").get("jti"));
        assertEquals("alice@example.com", result.get("refreshedUserinfo").get("email").asText());

        // a code pushed with dpop_jkt cannot be redeemed with a proof of another key
        assertDpopProofRefused(result.get("stolenCode"), "dpop_jkt");

        // a client that must use DPoP: refused without a proof, bound with one, its refresh refused without one
        assertDpopProofRefused(result.get("requiredWithoutProof"), "DPoP proof is missing");
        assertEquals(jkt, result.get("requiredAccessToken").get("cnf").get("jkt").asText());
        assertDpopProofRefused(result.get("requiredRefreshWithoutProof"), "DPoP proof is missing");
    }

    @Test
    void loginBoundToOneKeyThroughDiscovery() {
        JsonNode result;
        try (NodeScript script = NodeScript.start(server, "dpop-discovery.mjs", Map.of("domain", DOMAIN,
                "clientId", APP, "clientSecret", SECRET, "redirectUri", CALLBACK))) {
            script.write("callback", logIn(script.read("authorize").asText()).toString());
            result = script.result();
        }
        String jkt = result.get("jkt").asText();

        JsonNode metadata = result.get("metadata");
        assertEquals("https://" + DOMAIN + "/oauth/par", metadata.get("pushed_authorization_request_endpoint").asText());
        assertEquals("https://" + DOMAIN + "/oauth/par",
                metadata.get("mtls_endpoint_aliases").get("pushed_authorization_request_endpoint").asText());
        assertTrue(metadata.get("dpop_signing_alg_values_supported").toString().contains("ES256"), metadata.toString());
        assertEquals("dpop", result.get("tokenType").asText());
        assertEquals(jkt, result.get("accessToken").get("cnf").get("jkt").asText());
        assertEquals("alice@example.com", result.get("userinfo").get("email").asText());
        assertEquals("dpop", result.get("refreshedTokenType").asText());
        assertEquals(jkt, result.get("refreshedAccessToken").get("cnf").get("jkt").asText());
        assertEquals("alice@example.com", result.get("refreshedUserinfo").get("email").asText());
    }

    /** A user's login at the authorization URL, in a browser of its own (no SSO between the logins). */
    private static URI logIn(String authorizationUrl) {
        URI callback = new Browser(server).login(authorizationUrl, "alice", "alice-password");
        assertTrue(callback.toString().startsWith(CALLBACK), callback.toString());
        assertFalse(Browser.queryParameters(callback).containsKey("error"), callback.toString());
        return callback;
    }

    private static void assertDpopProofRefused(JsonNode refusal, String describedAs) {
        assertEquals(400, refusal.get("status").asInt(), refusal.toString());
        assertEquals("invalid_dpop_proof", refusal.get("body").get("error").asText(), refusal.toString());
        assertTrue(refusal.get("body").get("error_description").asText().contains(describedAs), refusal.toString());
    }

    private static void assertUnauthorized(JsonNode refusal) {
        assertEquals(401, refusal.get("status").asInt(), refusal.toString());
        assertTrue(refusal.get("wwwAuthenticate").asText().contains("error=\"invalid_token\""), refusal.toString());
    }
}
