package io.github.kcauth0.fapi;

import java.net.URI;
import java.util.Map;

import com.auth0.client.auth.AuthAPI;
import com.auth0.exception.APIException;
import com.auth0.json.auth.PushedAuthorizationResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.ClientKeys;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import io.github.kcauth0.support.NodeScript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;
import static io.github.kcauth0.support.TestRealms.CODE_VERIFIER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keycloak's FAPI 2.0 client profiles, applied by a client policy of the realm, on Auth0-style logins through
 * /oauth/par, /authorize and /oauth/token. The client is openid-client 6 (on oauth4webapi) configured as for Auth0:
 * issuer {@code https://{domain}/} and Auth0's endpoints, so it checks the authorization response's {@code iss}
 * (RFC 9207) and the ID token's against that issuer. Its client assertions and request objects are addressed to
 * {@code https://{domain}/}, as Auth0's docs have them.
 */
class Fapi2IT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final String REALM = "fapi2-it";
    private static final String DOMAIN = server.httpsDomain(REALM);
    private static final String AUTH0_ISSUER = "https://" + DOMAIN + "/";
    /** Under fapi-2-dpop-security-profile and fapi-2-dpop-message-signing: DPoP-bound tokens. */
    private static final String DPOP_CLIENT = "fapi-dpop-app";
    /** Under fapi-2-security-profile and fapi-2-message-signing: mTLS-bound tokens. */
    private static final String MTLS_CLIENT = "fapi-mtls-app";
    /** Under fapi-2-dpop-security-profile, with a client secret where the profile wants a key. */
    private static final String SECRET_CLIENT = "fapi-secret-app";
    private static final ClientKeys keys = ClientKeys.generate();

    @BeforeAll
    static void createRealm() {
        Admin admin = new Admin(server);
        ObjectNode realm = Http.JSON.createObjectNode().put("realm", REALM).put("enabled", true);
        realm.putObject("attributes").put("auth0-par.enabled", "true");
        TestRealms.addUser(realm, "alice");
        ArrayNode clients = realm.putArray("clients");
        client(clients, DPOP_CLIENT).put("dpop.bound.access.tokens", "true");
        client(clients, MTLS_CLIENT).put("tls.client.certificate.bound.access.tokens", "true");
        ObjectNode secretClient = clients.addObject().put("clientId", SECRET_CLIENT).put("enabled", true).put("publicClient", false)
                .put("secret", SECRET_CLIENT + "-secret").put("standardFlowEnabled", true);
        secretClient.putArray("redirectUris").add(CALLBACK);
        ObjectNode clientRoles = realm.putObject("roles").putObject("client");
        clientRoles.putArray(SECRET_CLIENT).addObject().put("name", "fapi-2-security");
        clientRoles.putArray(DPOP_CLIENT).addObject().put("name", "fapi-2-dpop");
        clientRoles.putArray(MTLS_CLIENT).addObject().put("name", "fapi-2");
        admin.post("", realm);

        ObjectNode policies = Http.JSON.createObjectNode();
        ArrayNode list = policies.putArray("policies");
        policy(list, "fapi-2", "fapi-2-security-profile", "fapi-2-message-signing");
        policy(list, "fapi-2-dpop", "fapi-2-dpop-security-profile", "fapi-2-dpop-message-signing");
        policy(list, "fapi-2-security", "fapi-2-dpop-security-profile");
        admin.put("/" + REALM + "/client-policies/policies", policies);
    }

    /** A client set up as the profiles want it (private_key_jwt, PS256, S256), without waiting for auto-configuration. */
    private static ObjectNode client(ArrayNode clients, String clientId) {
        ObjectNode client = clients.addObject().put("clientId", clientId).put("enabled", true).put("publicClient", false)
                .put("clientAuthenticatorType", "client-jwt").put("standardFlowEnabled", true).put("fullScopeAllowed", false);
        client.putArray("redirectUris").add(CALLBACK);
        return client.putObject("attributes").put("use.jwks.string", "true").put("jwks.string", keys.jwks("PS256"))
                .put("token.endpoint.auth.signing.alg", "PS256").put("request.object.signature.alg", "PS256")
                .put("id.token.signed.response.alg", "PS256").put("pkce.code.challenge.method", "S256");
    }

    private static void policy(ArrayNode policies, String role, String... profiles) {
        ObjectNode policy = policies.addObject().put("name", role).put("enabled", true);
        ArrayNode names = policy.putArray("profiles");
        for (String profile : profiles) {
            names.add(profile);
        }
        policy.putArray("conditions").addObject().put("condition", "client-roles").putObject("configuration").putArray("roles").add(role);
    }

    @Test
    void clientFollowingTheProfileLogsInThroughAuth0sEndpointsAndChecksAuth0sIssuer() {
        JsonNode result = run(DPOP_CLIENT, "login", true);

        assertEquals(AUTH0_ISSUER, result.get("callbackIssuer").asText());
        assertEquals(AUTH0_ISSUER, result.get("idToken").get("iss").asText());
        assertEquals("dpop", result.get("tokenType").asText().toLowerCase(java.util.Locale.ROOT), result.toString());
        assertTrue(result.get("accessToken").get("cnf").has("jkt"), result.toString());
        // access tokens keep Keycloak's issuer, which Keycloak's own endpoints compare
        assertEquals("https://" + DOMAIN, result.get("accessToken").get("iss").asText());
    }

    /** Auth0's request object audience is taken on /authorize only: Keycloak's own endpoint keeps its rule. */
    @Test
    void keycloaksOwnEndpointKeepsComparingTheRequestObjectsAudienceWithItsIssuer() {
        java.net.http.HttpResponse<String> response;
        try (NodeScript fapiClient = NodeScript.start(server, "fapi2-client.mjs", config(DPOP_CLIENT, "login", true))) {
            String authorize = fapiClient.read("authorize").asText();
            response = new Browser(server).open(authorize.replace("/authorize?", "/protocol/openid-connect/auth?"));
        }
        Map<String, String> callback = Browser.queryParameters(URI.create(response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError(response.statusCode() + " " + response.body()))));

        assertEquals("invalid_request_uri", callback.get("error"), callback.toString());
        assertEquals("Invalid parameter in the 'request' object: aud", callback.get("error_description"));
        assertEquals("https://" + DOMAIN, callback.get("iss"));
    }

    @Test
    void mtlsProfileWantsACertificateAtTheTokenEndpoint() {
        JsonNode rejected;
        try (NodeScript fapiClient = NodeScript.start(server, "fapi2-client.mjs", config(MTLS_CLIENT, "login", false))) {
            URI callback = new Browser(server).login(fapiClient.read("authorize").asText(), "alice", "alice-password");
            assertEquals(AUTH0_ISSUER, Browser.queryParameters(callback).get("iss"));
            fapiClient.write("callback", callback.toString());
            rejected = fapiClient.read("rejected");
        }

        assertEquals("invalid_grant", rejected.get("error").asText(), rejected.toString());
        assertEquals("Client Certification missing for MTLS HoK Token Binding", rejected.get("error_description").asText());
    }

    @Test
    void signedRequestWithoutAPushGetsTheProfilesErrorPage() {
        java.net.http.HttpResponse<String> page;
        try (NodeScript fapiClient = NodeScript.start(server, "fapi2-client.mjs", config(DPOP_CLIENT, "no-par", false))) {
            page = new Browser(server).open(fapiClient.read("authorize").asText());
        }

        assertEquals(400, page.statusCode(), page.body());
        assertTrue(page.body().contains("request_uri not included"), page.body());
    }

    @Test
    void clientSecretIsRefusedAtTheTokenEndpoint() throws Exception {
        AuthAPI auth = AuthAPI.newBuilder(DOMAIN, SECRET_CLIENT, SECRET_CLIENT + "-secret").build();
        PushedAuthorizationResponse pushed = auth.pushedAuthorizationRequest(CALLBACK, "code", Map.of("scope", "openid",
                "state", "secret-state", "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256")).execute().getBody();
        URI callback = new Browser(server).login(auth.authorizeUrlWithPAR(pushed.getRequestURI()), "alice", "alice-password");
        assertEquals(AUTH0_ISSUER, Browser.queryParameters(callback).get("iss"));

        APIException refused = assertThrows(APIException.class,
                () -> auth.exchangeCodeWithVerifier(Browser.queryParameters(callback).get("code"), CODE_VERIFIER, CALLBACK).execute());

        // Keycloak's token endpoint answers a client policy's refusal of a code grant as invalid_grant
        assertEquals(400, refused.getStatusCode());
        assertEquals("invalid_grant", refused.getError());
        assertEquals("Configured client authentication method not allowed for client", refused.getDescription());
    }

    @Test
    void plainPkceIsRefusedAtThePush() {
        JsonNode rejected;
        try (NodeScript fapiClient = NodeScript.start(server, "fapi2-client.mjs", config(DPOP_CLIENT, "plain-pkce", true))) {
            rejected = fapiClient.read("rejected");
        }

        assertEquals("invalid_request", rejected.get("error").asText(), rejected.toString());
        assertEquals(400, rejected.get("status").asInt());
    }

    private static JsonNode run(String clientId, String mode, boolean dpop) {
        try (NodeScript fapiClient = NodeScript.start(server, "fapi2-client.mjs", config(clientId, mode, dpop))) {
            URI callback = new Browser(server).login(fapiClient.read("authorize").asText(), "alice", "alice-password");
            fapiClient.write("callback", callback.toString());
            return fapiClient.result();
        }
    }

    private static Map<String, Object> config(String clientId, String mode, boolean dpop) {
        return Map.of("domain", DOMAIN, "clientId", clientId, "privateKeyPem", keys.privateKeyPem(),
                "keyId", keys.keyId(), "redirectUri", CALLBACK, "mode", mode, "dpop", dpop);
    }
}
