package io.github.kcauth0.par;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.ClientKeys;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each client authentication method, as the client is configured in Keycloak. */
class ClientAuthenticationIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final ClientKeys jwtAppKeys = ClientKeys.generate();
    private static final String SECRET_JWT_APP_SECRET = "secret-jwt-app-secret-that-is-long-enough-for-hs256";
    private final Auth0Domain par = new Auth0Domain(server, TestRealms.PAR_IT);

    @BeforeAll
    static void registerJwtAppKey() {
        jwtAppKeys.registerWith(new Admin(server), TestRealms.PAR_IT, "jwt-app");
    }

    @Test
    void clientSecretPostIsAccepted() {
        assertCreated(par.push(Auth0Domain.validRequest()));
    }

    @Test
    void clientSecretBasicIsAccepted() {
        Map<String, String> form = Auth0Domain.validRequest();
        form.remove("client_secret");

        assertCreated(par.push(form, "Authorization", basic("confidential-app", "confidential-secret")));
    }

    @Test
    void clientSecretBasicWithoutClientIdInTheBodyIsAccepted() {
        Map<String, String> form = Auth0Domain.validRequest();
        form.remove("client_secret");
        form.remove("client_id");

        assertCreated(par.push(form, "Authorization", basic("confidential-app", "confidential-secret")));
    }

    /** Auth0's SDKs send https://{domain}/; RFC 9126 allows the issuer, the token endpoint or the PAR endpoint. */
    static Stream<String> assertionAudiences() {
        String issuer = server.domain(TestRealms.PAR_IT);
        return Stream.of(issuer, issuer + "/", issuer + "/oauth/par", issuer + "/protocol/openid-connect/token");
    }

    @ParameterizedTest
    @MethodSource("assertionAudiences")
    void privateKeyJwtAddressedToThisServerIsAccepted(String audience) {
        assertCreated(par.push(withAssertion("jwt-app", jwtAppKeys.assertion("jwt-app", audience))));
    }

    @Test
    void clientSecretJwtAddressedAsAuth0SdksDoIsAccepted() {
        String assertion = ClientKeys.secretAssertion("secret-jwt-app", server.domain(TestRealms.PAR_IT) + "/",
                SECRET_JWT_APP_SECRET);

        assertCreated(par.push(withAssertion("secret-jwt-app", assertion)));
    }

    @Test
    void clientSecretJwtSignedWithAnotherSecretIsRejected() {
        String assertion = ClientKeys.secretAssertion("secret-jwt-app", server.domain(TestRealms.PAR_IT) + "/",
                "not-the-secret-of-secret-jwt-app-but-long-enough-for-hs256");

        assertInvalidClient(par.push(withAssertion("secret-jwt-app", assertion)));
    }

    @Test
    void privateKeyJwtAddressedElsewhereIsRejected() {
        String assertion = jwtAppKeys.assertion("jwt-app", "https://tenant.auth0.com/");

        assertInvalidClient(par.push(withAssertion("jwt-app", assertion)));
    }

    @Test
    void privateKeyJwtSignedWithAnotherKeyIsRejected() {
        String assertion = ClientKeys.generate().assertion("jwt-app", server.domain(TestRealms.PAR_IT) + "/");

        assertInvalidClient(par.push(withAssertion("jwt-app", assertion)));
    }

    @Test
    void privateKeyJwtIsSingleUse() {
        Map<String, String> form = withAssertion("jwt-app",
                jwtAppKeys.assertion("jwt-app", server.domain(TestRealms.PAR_IT) + "/"));
        assertCreated(par.push(form));

        assertInvalidClient(par.push(form));
    }

    @Test
    void wrongSecretIsInvalidClientWithoutEchoingTheSecret() {
        Map<String, String> form = Auth0Domain.validRequest();
        form.put("client_secret", "not-the-secret-42");

        HttpResponse<String> response = par.push(form);

        assertInvalidClient(response);
        assertFalse(response.headers().firstValue("WWW-Authenticate").isPresent());
        assertFalse(response.body().contains("not-the-secret-42"));
    }

    @Test
    void wrongBasicCredentialsAreChallenged() {
        Map<String, String> form = Auth0Domain.validRequest();
        form.remove("client_secret");

        HttpResponse<String> response = par.push(form, "Authorization", basic("confidential-app", "wrong"));

        assertInvalidClient(response);
        assertEquals("Basic realm=\"par-it\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void basicCredentialsOfAnotherClientThanClientIdAreRejected() {
        Map<String, String> form = Auth0Domain.validRequest();
        form.remove("client_secret");

        HttpResponse<String> response = par.push(form, "Authorization", basic("other-app", "other-secret"));

        assertInvalidClient(response);
    }

    @Test
    void bearerTokenIsNotAClientCredential() {
        Map<String, String> form = Auth0Domain.validRequest();
        form.remove("client_secret");

        assertInvalidClient(par.push(form, "Authorization", "Bearer confidential-secret"));
    }

    @Test
    void twoAuthenticationMethodsAreRejected() {
        HttpResponse<String> secretAndBasic = par.push(Auth0Domain.validRequest(),
                "Authorization", basic("confidential-app", "confidential-secret"));
        Map<String, String> secretAndAssertion = Auth0Domain.validRequest();
        secretAndAssertion.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        secretAndAssertion.put("client_assertion",
                jwtAppKeys.assertion("confidential-app", server.domain(TestRealms.PAR_IT)));

        for (HttpResponse<String> response : List.of(secretAndBasic, par.push(secretAndAssertion))) {
            assertEquals(400, response.statusCode(), response.body());
            assertEquals("invalid_request", Http.json(response).get("error").asText());
            assertEquals("Only one client authentication method may be used",
                    Http.json(response).get("error_description").asText());
        }
    }

    /** Keycloak lets public clients push; Auth0 offers PAR to confidential applications only. */
    @Test
    void publicClientPushesWithItsClientIdAsKeycloakAllows() {
        Map<String, String> form = Auth0Domain.validRequest();
        form.remove("client_secret");
        form.put("client_id", "public-app");

        assertCreated(par.push(form));
    }

    private static Map<String, String> withAssertion(String clientId, String assertion) {
        Map<String, String> form = Auth0Domain.validRequest();
        form.remove("client_secret");
        form.put("client_id", clientId);
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion);
        return form;
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes());
    }

    private static void assertCreated(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        assertTrue(Http.json(response).get("request_uri").asText().startsWith("urn:ietf:params:oauth:request_uri:"));
    }

    private static void assertInvalidClient(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("invalid_client", Http.json(response).get("error").asText());
        assertEquals("Client authentication failed", Http.json(response).get("error_description").asText());
    }
}
