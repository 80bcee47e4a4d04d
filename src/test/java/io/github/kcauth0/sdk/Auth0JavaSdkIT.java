package io.github.kcauth0.sdk;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import com.auth0.client.auth.AuthAPI;
import com.auth0.client.auth.RSAClientAssertionSigner;
import com.auth0.exception.APIException;
import com.auth0.json.auth.PushedAuthorizationResponse;
import com.auth0.json.auth.TokenHolder;
import com.auth0.utils.tokens.IdTokenVerifier;
import com.auth0.utils.tokens.SignatureVerifier;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.ClientKeys;
import io.github.kcauth0.support.Jwks;
import io.github.kcauth0.support.Jwt;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.API;
import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;
import static io.github.kcauth0.support.TestRealms.CODE_VERIFIER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application written against Auth0's Java SDK, run against Keycloak with only its domain changed to
 * {@code http://localhost:{port}/realms/{realm}}, or over HTTPS to {@code localhost:{httpsPort}/realms/{realm}}.
 */
class Auth0JavaSdkIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final String DOMAIN = server.domain(TestRealms.PAR_IT);
    private static final String HTTPS_DOMAIN = server.httpsDomain(TestRealms.PAR_IT);
    private static final String RETURN_TO = "https://app.example.com/logged-out";
    private static final ClientKeys jarAppKeys = ClientKeys.generate();
    private static final ClientKeys jwtAppKeys = ClientKeys.generate();

    @BeforeAll
    static void registerClientKeys() {
        Admin admin = new Admin(server);
        jarAppKeys.registerWith(admin, TestRealms.PAR_IT, "jar-app");
        jwtAppKeys.registerWith(admin, TestRealms.PAR_IT, "jwt-app");
    }

    @Test
    void pushedAuthorizationRequestLogsInExchangesTheCodeAndRenews() throws Exception {
        AuthAPI auth = AuthAPI.newBuilder(DOMAIN, "confidential-app", "confidential-secret").build();

        PushedAuthorizationResponse pushed = auth.pushedAuthorizationRequest(CALLBACK, "code", Map.of(
                "scope", "openid profile email", "state", "sdk-state", "nonce", "sdk-nonce",
                "audience", API, "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256")).execute().getBody();
        assertEquals(60, pushed.getExpiresIn());

        URI callback = new Browser(server).login(auth.authorizeUrlWithPAR(pushed.getRequestURI()), "alice", "alice-password");
        assertEquals("sdk-state", Browser.queryParameters(callback).get("state"));
        TokenHolder tokens = auth.exchangeCodeWithVerifier(Auth0Domain.code(callback), CODE_VERIFIER, CALLBACK).execute().getBody();

        assertEquals("Bearer", tokens.getTokenType());
        assertTrue(tokens.getExpiresIn() > 0);
        assertEquals("sdk-nonce", Jwt.claims(tokens.getIdToken()).get("nonce"));
        assertTrue(Jwt.claims(tokens.getAccessToken()).get("aud").toString().contains(API));

        TokenHolder renewed = auth.renewAuth(tokens.getRefreshToken()).execute().getBody();
        assertNotNull(renewed.getAccessToken());
        assertEquals("alice", Jwt.claims(renewed.getIdToken()).get("preferred_username"));
    }

    /**
     * Over HTTPS, as Auth0's docs have an application do it: the ID token checked by the SDK's IdTokenVerifier
     * for issuer {@code https://{domain}/} with keys from {@code https://{domain}/.well-known/jwks.json}, the
     * profile from {@code userInfo}, and {@code logoutUrl} ending the session.
     */
    @Test
    void overHttpsTheIdTokenPassesTheSdksVerifierAndLogoutEndsTheSession() throws Exception {
        AuthAPI auth = AuthAPI.newBuilder(HTTPS_DOMAIN, "sdk-app", "sdk-secret").build();
        String issuer = "https://" + HTTPS_DOMAIN + "/";
        SignatureVerifier keysFromJwksJson = SignatureVerifier.forRS256(keyId -> Jwks.rsaKey(issuer + ".well-known/jwks.json", keyId));
        IdTokenVerifier idTokenVerifier = IdTokenVerifier.init(issuer, "sdk-app", keysFromJwksJson).build();
        Browser browser = new Browser(server);

        // login
        PushedAuthorizationResponse pushed = auth.pushedAuthorizationRequest(CALLBACK, "code", Map.of(
                "scope", "openid profile email", "state", "https-state", "nonce", "https-nonce",
                "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256")).execute().getBody();
        URI callback = browser.login(auth.authorizeUrlWithPAR(pushed.getRequestURI()), "alice", "alice-password");
        TokenHolder tokens = auth.exchangeCodeWithVerifier(Auth0Domain.code(callback), CODE_VERIFIER, CALLBACK).execute().getBody();
        idTokenVerifier.verify(tokens.getIdToken(), "https-nonce");

        // renewal
        TokenHolder renewed = auth.renewAuth(tokens.getRefreshToken()).execute().getBody();
        idTokenVerifier.verify(renewed.getIdToken());

        // profile
        Map<String, Object> profile = auth.userInfo(renewed.getAccessToken()).execute().getBody().getValues();
        assertEquals(Jwt.claims(tokens.getIdToken()).get("sub"), profile.get("sub"));
        assertEquals("alice@example.com", profile.get("email"));

        // logout
        assertTrue(SsoSession.isActive(server, browser), "logged in before logout");
        HttpResponse<String> loggedOut = browser.open(auth.logoutUrl(RETURN_TO, true).build());
        assertEquals(302, loggedOut.statusCode(), loggedOut.body());
        assertEquals(RETURN_TO, loggedOut.headers().firstValue("Location").orElseThrow());
        assertFalse(SsoSession.isActive(server, browser), "the SSO session ended");
    }

    @Test
    void pushedAuthorizationRequestWithJarLogsIn() throws Exception {
        AuthAPI auth = AuthAPI.newBuilder(DOMAIN, "jar-app", "jar-secret").build();
        String requestObject = jarAppKeys.requestObject(Map.of("client_id", "jar-app", "iss", "jar-app", "aud", DOMAIN,
                "response_type", "code", "redirect_uri", CALLBACK, "scope", "openid", "state", "jar-state",
                "nonce", "jar-nonce", "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256"));

        PushedAuthorizationResponse pushed = auth.pushedAuthorizationRequestWithJAR(requestObject).execute().getBody();
        URI callback = new Browser(server).login(auth.authorizeUrlWithPAR(pushed.getRequestURI()), "alice", "alice-password");
        TokenHolder tokens = auth.exchangeCodeWithVerifier(Auth0Domain.code(callback), CODE_VERIFIER, CALLBACK).execute().getBody();

        assertEquals("jar-state", Browser.queryParameters(callback).get("state"));
        assertEquals("jar-nonce", Jwt.claims(tokens.getIdToken()).get("nonce"));
    }

    @Test
    void requestObjectOfAnotherClientIsRejected() {
        AuthAPI auth = AuthAPI.newBuilder(DOMAIN, "jar-app", "jar-secret").build();
        String requestObject = jarAppKeys.requestObject(Map.of("client_id", "confidential-app",
                "response_type", "code", "redirect_uri", CALLBACK, "scope", "openid"));

        APIException rejected = assertThrows(APIException.class,
                () -> auth.pushedAuthorizationRequestWithJAR(requestObject).execute());

        assertEquals(400, rejected.getStatusCode());
        assertEquals("invalid_request_object", rejected.getError());
    }

    @Test
    void requestObjectNotSignedByTheClientIsRejected() {
        AuthAPI auth = AuthAPI.newBuilder(DOMAIN, "jar-app", "jar-secret").build();
        String forged = ClientKeys.generate().requestObject(Map.of("client_id", "jar-app",
                "response_type", "code", "redirect_uri", CALLBACK, "scope", "openid"));

        APIException rejected = assertThrows(APIException.class, () -> auth.pushedAuthorizationRequestWithJAR(forged).execute());

        assertEquals(400, rejected.getStatusCode());
        assertEquals("invalid_request_object", rejected.getError());
    }

    /** The SDK addresses client assertions to https://{domain}/: here http://localhost:{port}/realms/{realm}/. */
    @Test
    void privateKeyJwtClientLogsInWithTheSdksAssertions() throws Exception {
        RSAClientAssertionSigner signer = new RSAClientAssertionSigner(jwtAppKeys.privateKey());
        AuthAPI auth = AuthAPI.newBuilder(DOMAIN, "jwt-app", signer).build();

        PushedAuthorizationResponse pushed = auth.pushedAuthorizationRequest(CALLBACK, "code", Map.of(
                "scope", "openid", "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", signer.createSignedClientAssertion("jwt-app", DOMAIN + "/", "jwt-app"))).execute().getBody();
        URI callback = new Browser(server).login(auth.authorizeUrlWithPAR(pushed.getRequestURI()), "alice", "alice-password");
        TokenHolder tokens = auth.exchangeCodeWithVerifier(Auth0Domain.code(callback), CODE_VERIFIER, CALLBACK).execute().getBody();

        assertEquals("alice", Jwt.claims(tokens.getIdToken()).get("preferred_username"));
    }

    @Test
    void rejectedClientSurfacesAsTheSdksApiException() {
        AuthAPI auth = AuthAPI.newBuilder(DOMAIN, "confidential-app", "wrong-secret").build();

        APIException rejected = assertThrows(APIException.class,
                () -> auth.pushedAuthorizationRequest(CALLBACK, "code", Map.of("scope", "openid")).execute());

        assertEquals(401, rejected.getStatusCode());
        assertEquals("invalid_client", rejected.getError());
        assertEquals("Client authentication failed", rejected.getDescription());
    }
}
