package io.github.kcauth0.jar;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import com.auth0.client.auth.AuthAPI;
import com.auth0.exception.APIException;
import com.auth0.json.auth.PushedAuthorizationResponse;
import com.auth0.json.auth.TokenHolder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.ClientKeys;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.Jwt;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;
import static io.github.kcauth0.support.TestRealms.CODE_VERIFIER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Auth0's {@code signed_request_object.required} as Keycloak's {@code request.object.required}: a client that must
 * sign its requests is held to it at /oauth/par and /authorize, with and without a push; Auth0's Java SDK pushes
 * a signed request addressed to {@code https://{domain}/}. The authorization response of a login started at
 * /authorize carries Auth0's issuer; one started at Keycloak's own endpoint keeps Keycloak's.
 */
class SignedRequestObjectIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final String DOMAIN = server.domain(TestRealms.PAR_IT);
    private static final String AUTH0_ISSUER = DOMAIN + "/";
    private static final String REQUIRED_APP = "jar-required-app";
    private static final String LATER_APP = "jar-later-app";
    private static final String REQUIRED = "A signed request object is required for this client";
    private static final ClientKeys keys = ClientKeys.generate();
    private final Auth0Domain domain = new Auth0Domain(server, TestRealms.PAR_IT);

    @BeforeAll
    static void createClients() {
        Admin admin = new Admin(server);
        createClient(admin, REQUIRED_APP, "request or request_uri");
        createClient(admin, LATER_APP, null);
    }

    private static void createClient(Admin admin, String clientId, String requestObjectRequired) {
        ObjectNode client = Http.JSON.createObjectNode().put("clientId", clientId).put("secret", clientId + "-secret")
                .put("publicClient", false).put("standardFlowEnabled", true);
        client.putArray("redirectUris").add(CALLBACK);
        ObjectNode attributes = client.putObject("attributes").put("use.jwks.string", "true").put("jwks.string", keys.jwks("RS256"))
                .put("request.object.signature.alg", "RS256");
        if (requestObjectRequired != null) {
            attributes.put("request.object.required", requestObjectRequired);
        }
        admin.post("/" + TestRealms.PAR_IT + "/clients", client);
    }

    @Test
    void javaSdkPushesASignedRequestForAuth0sIssuerLogsInAndRedeems() throws Exception {
        AuthAPI auth = AuthAPI.newBuilder(DOMAIN, REQUIRED_APP, REQUIRED_APP + "-secret").build();

        PushedAuthorizationResponse pushed = auth.pushedAuthorizationRequestWithJAR(signedRequest(REQUIRED_APP)).execute().getBody();
        URI callback = new Browser(server).login(auth.authorizeUrlWithPAR(pushed.getRequestURI()), "alice", "alice-password");
        TokenHolder tokens = auth.exchangeCodeWithVerifier(Auth0Domain.code(callback), CODE_VERIFIER, CALLBACK).execute().getBody();

        Map<String, String> response = Browser.queryParameters(callback);
        assertEquals("jar-state", response.get("state"));
        assertEquals(AUTH0_ISSUER, response.get("iss"));
        assertEquals(1, callback.getRawQuery().split("(^|&)iss=", -1).length - 1, callback.toString());
        assertEquals(AUTH0_ISSUER, Jwt.claims(tokens.getIdToken()).get("iss"));
        assertEquals("jar-nonce", Jwt.claims(tokens.getIdToken()).get("nonce"));
        assertEquals(DOMAIN, Jwt.claims(tokens.getAccessToken()).get("iss"));
    }

    @Test
    void pushWithoutARequestObjectIsRefused() {
        AuthAPI auth = AuthAPI.newBuilder(DOMAIN, REQUIRED_APP, REQUIRED_APP + "-secret").build();

        APIException refused = assertThrows(APIException.class, () -> auth.pushedAuthorizationRequest(CALLBACK, "code",
                plainRequest()).execute());

        assertEquals(400, refused.getStatusCode());
        assertEquals("invalid_request", refused.getError());
        assertTrue(refused.getDescription().startsWith(REQUIRED), refused.getDescription());
    }

    @Test
    void authorizeWithoutARequestObjectIsAnErrorPage() {
        Map<String, String> query = new HashMap<>(plainRequest());
        query.putAll(Http.form("client_id", REQUIRED_APP, "response_type", "code", "redirect_uri", CALLBACK));

        assertErrorPage(new Browser(server).open(domain.authorizeUrl(query)), REQUIRED);
    }

    @Test
    void authorizeWithARequestObjectShowsTheLoginForm() {
        HttpResponse<String> page = new Browser(server).open(domain.authorizeUrl(Http.form("client_id", REQUIRED_APP,
                "response_type", "code", "request", signedRequest(REQUIRED_APP))));

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(Browser.isLoginPage(page), page.body());
    }

    @Test
    void requestPushedBeforeTheClientRequiredARequestObjectIsRefusedAtAuthorize() {
        Map<String, String> form = new HashMap<>(plainRequest());
        form.putAll(Http.form("client_id", LATER_APP, "client_secret", LATER_APP + "-secret", "response_type", "code",
                "redirect_uri", CALLBACK));
        String requestUri = domain.requestUri(form);
        ObjectNode changes = Http.JSON.createObjectNode();
        changes.putObject("attributes").put("request.object.required", "request or request_uri");
        new Admin(server).updateClient(TestRealms.PAR_IT, LATER_APP, changes);

        assertErrorPage(new Browser(server).open(domain.authorizeUrl(LATER_APP, requestUri)),
                "request_uri was pushed without a signed request object");
    }

    @Test
    void loginAtKeycloaksOwnEndpointKeepsKeycloaksIssuer() throws Exception {
        AuthAPI auth = AuthAPI.newBuilder(DOMAIN, REQUIRED_APP, REQUIRED_APP + "-secret").build();
        PushedAuthorizationResponse pushed = auth.pushedAuthorizationRequestWithJAR(signedRequest(REQUIRED_APP)).execute().getBody();

        URI callback = new Browser(server).login(domain.authorizationUrl(REQUIRED_APP, pushed.getRequestURI()), "alice", "alice-password");

        assertEquals(DOMAIN, Browser.queryParameters(callback).get("iss"));
    }

    @Test
    void errorSentBackFromAuthorizeCarriesAuth0sIssuerAndFromKeycloaksEndpointKeycloaks() {
        Map<String, String> query = new HashMap<>(plainRequest());
        query.putAll(Http.form("client_id", "par-required-app", "response_type", "code", "redirect_uri", CALLBACK));

        Map<String, String> atAuthorize = redirect(domain.authorizeUrl(query));
        Map<String, String> atKeycloak = redirect(DOMAIN + "/protocol/openid-connect/auth?" + Http.encode(query));

        assertEquals("invalid_request", atAuthorize.get("error"), atAuthorize.toString());
        assertEquals(AUTH0_ISSUER, atAuthorize.get("iss"));
        assertEquals("invalid_request", atKeycloak.get("error"), atKeycloak.toString());
        assertEquals(DOMAIN, atKeycloak.get("iss"));
    }

    private Map<String, String> redirect(String url) {
        HttpResponse<String> response = new Browser(server).open(url);
        return Browser.queryParameters(URI.create(response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError(response.statusCode() + " " + response.body()))));
    }

    /** A request object as Auth0's docs write one: iss the client, aud https://{domain}/ with its slash. */
    private static String signedRequest(String clientId) {
        Map<String, Object> claims = new HashMap<>(Map.of("client_id", clientId, "iss", clientId, "aud", AUTH0_ISSUER,
                "response_type", "code", "redirect_uri", CALLBACK, "scope", "openid", "state", "jar-state",
                "nonce", "jar-nonce", "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256"));
        claims.put("exp", System.currentTimeMillis() / 1000 + 60);
        return keys.requestObject(claims);
    }

    private static Map<String, String> plainRequest() {
        return Map.of("scope", "openid", "state", "plain-state", "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256");
    }

    private static void assertErrorPage(HttpResponse<String> page, String text) {
        assertEquals(400, page.statusCode(), page.body());
        assertFalse(Browser.isLoginPage(page), page.body());
        assertTrue(page.body().contains(text), page.body());
    }
}
