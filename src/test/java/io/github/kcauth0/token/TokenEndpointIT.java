package io.github.kcauth0.token;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static io.github.kcauth0.support.TestRealms.CODE_VERIFIER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Auth0's POST /oauth/token: Keycloak's grants and checks, Auth0's answer. */
class TokenEndpointIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final ClientKeys jwtAppKeys = ClientKeys.generate();
    private final Auth0Domain domain = new Auth0Domain(server, TestRealms.PAR_IT);

    @BeforeAll
    static void registerJwtAppKey() {
        jwtAppKeys.registerWith(new Admin(server), TestRealms.PAR_IT, "jwt-app");
    }

    @Test
    void codeIsRedeemedIntoAuth0sTokenResponse() {
        HttpResponse<String> response = domain.redeem("confidential-app", "confidential-secret", code("confidential-app", "confidential-secret"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonNode tokens = Http.json(response);
        assertEquals(List.of("access_token", "id_token", "refresh_token", "token_type", "expires_in", "scope"),
                List.copyOf(Http.jsonMap(response.body()).keySet()));
        assertEquals("Bearer", tokens.get("token_type").asText());
        assertEquals("nonce-456", Jwt.claims(tokens.get("id_token").asText()).get("nonce"));
        assertTrue(tokens.get("expires_in").asInt() > 0);
    }

    @Test
    void jsonBodyAsAuth0sSdksSendIsAccepted() {
        String body = Http.JSON.createObjectNode().put("grant_type", "authorization_code").put("client_id", "confidential-app")
                .put("client_secret", "confidential-secret").put("code", code("confidential-app", "confidential-secret"))
                .put("redirect_uri", CALLBACK).put("code_verifier", CODE_VERIFIER).toString();

        HttpResponse<String> response = Http.postBody(domain.tokenUrl(), "application/json", body);

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void refreshTokenGrantIssuesNewTokens() {
        JsonNode first = Http.json(domain.redeem("confidential-app", "confidential-secret", code("confidential-app", "confidential-secret")));

        HttpResponse<String> refreshed = Http.postForm(domain.tokenUrl(), Http.form("grant_type", "refresh_token",
                "client_id", "confidential-app", "client_secret", "confidential-secret",
                "refresh_token", first.get("refresh_token").asText()));

        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertNotEquals(first.get("access_token").asText(), Http.json(refreshed).get("access_token").asText());
        assertEquals("Bearer", Http.json(refreshed).get("token_type").asText());
    }

    @Test
    void codeIsNotRedeemedWithAWrongVerifier() {
        HttpResponse<String> response = Http.postForm(domain.tokenUrl(), Http.form("grant_type", "authorization_code",
                "client_id", "confidential-app", "client_secret", "confidential-secret",
                "code", code("confidential-app", "confidential-secret"), "redirect_uri", CALLBACK,
                "code_verifier", "x" + CODE_VERIFIER));

        assertOAuthError(response, 400, "invalid_grant");
    }

    @Test
    void codeIsRedeemedOnce() {
        String code = code("confidential-app", "confidential-secret");
        assertEquals(200, domain.redeem("confidential-app", "confidential-secret", code).statusCode());

        assertOAuthError(domain.redeem("confidential-app", "confidential-secret", code), 400, "invalid_grant");
    }

    @Test
    void wrongSecretIsInvalidClient() {
        HttpResponse<String> response = domain.redeem("confidential-app", "wrong", code("confidential-app", "confidential-secret"));

        assertInvalidClient(response);
        assertTrue(!response.body().contains("wrong"));
    }

    @Test
    void clientSecretJwtSignedWithAnotherSecretIsInvalidClient() {
        String assertion = ClientKeys.secretAssertion("secret-jwt-app", server.domain(TestRealms.PAR_IT) + "/",
                "not-the-secret-of-secret-jwt-app-but-long-enough-for-hs256");

        assertInvalidClient(redeemWithAssertion("secret-jwt-app", assertion));
    }

    @Test
    void privateKeyJwtSignedWithAnotherKeyIsInvalidClient() {
        String assertion = ClientKeys.generate().assertion("jwt-app", server.domain(TestRealms.PAR_IT) + "/");

        assertInvalidClient(redeemWithAssertion("jwt-app", assertion));
    }

    @Test
    void missingSecretIsInvalidClient() {
        HttpResponse<String> response = Http.postForm(domain.tokenUrl(), Http.form("grant_type", "authorization_code",
                "client_id", "confidential-app", "code", "x", "redirect_uri", CALLBACK));

        assertOAuthError(response, 401, "invalid_client");
    }

    @Test
    void otherGrantTypesAreUnsupported() {
        HttpResponse<String> response = Http.postForm(domain.tokenUrl(), Http.form("grant_type", "password",
                "client_id", "confidential-app", "client_secret", "confidential-secret", "username", "alice", "password", "x"));

        assertOAuthError(response, 400, "unsupported_grant_type");
    }

    @Test
    void otherMethodsAreNotAllowed() {
        assertOAuthError(Http.get(domain.tokenUrl()), 405, "invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/oauth/token", ""})
    void privateKeyJwtAddressedAsAuth0SdksDoIsAccepted(String pathAfterIssuer) {
        String code = code("jwt-app", null);
        String assertion = jwtAppKeys.assertion("jwt-app", server.domain(TestRealms.PAR_IT) + pathAfterIssuer);

        HttpResponse<String> response = Http.postForm(domain.tokenUrl(), Http.form("grant_type", "authorization_code",
                "client_id", "jwt-app", "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion, "code", code, "redirect_uri", CALLBACK, "code_verifier", CODE_VERIFIER));

        assertEquals(200, response.statusCode(), response.body());
    }

    /** Pushes, logs alice in and returns the code; a null secret pushes with a private_key_jwt assertion. */
    private String code(String clientId, String secret) {
        Map<String, String> form = Auth0Domain.validRequest();
        form.put("client_id", clientId);
        form.remove("client_secret");
        if (secret != null) {
            form.put("client_secret", secret);
        } else {
            form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
            form.put("client_assertion", jwtAppKeys.assertion(clientId, server.domain(TestRealms.PAR_IT)));
        }
        URI callback = new Browser(server).login(domain.authorizeUrl(clientId, domain.requestUri(form)), "alice", "alice-password");
        return Auth0Domain.code(callback);
    }

    /** Client authentication comes before the code is looked at: any code will do. */
    private HttpResponse<String> redeemWithAssertion(String clientId, String assertion) {
        return Http.postForm(domain.tokenUrl(), Http.form("grant_type", "authorization_code", "client_id", clientId,
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion, "code", "x", "redirect_uri", CALLBACK, "code_verifier", CODE_VERIFIER));
    }

    private static void assertInvalidClient(HttpResponse<String> response) {
        assertOAuthError(response, 401, "invalid_client");
        assertEquals("Client authentication failed", Http.json(response).get("error_description").asText());
    }

    private static void assertOAuthError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(List.of("error", "error_description"), List.copyOf(Http.jsonMap(response.body()).keySet()));
        assertEquals(error, Http.json(response).get("error").asText());
    }
}
