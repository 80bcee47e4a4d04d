package io.github.kcauth0.tokens;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.Jwt;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ID token from {@code {domain}/oauth/token} is one Auth0's classic SDKs accept: issuer {@code https://{domain}/},
 * signed with a key from {@code {domain}/.well-known/jwks.json}; the access and refresh tokens stay Keycloak's.
 */
class Auth0IdTokenIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final String API_SECRET = "api-secret";
    private final Auth0Domain domain = new Auth0Domain(server, TestRealms.PAR_IT);

    /** The API as a confidential client of its own, as a resource server that introspects the tokens it gets. */
    @BeforeAll
    static void registerTheApiAsAClient() {
        ObjectNode api = Http.JSON.createObjectNode().put("clientId", API).put("secret", API_SECRET)
                .put("publicClient", false).put("standardFlowEnabled", false);
        new Admin(server).post("/" + TestRealms.PAR_IT + "/clients", api);
    }

    @Test
    void idTokenHasAuth0sIssuerAndVerifiesWithTheKeysAtJwksJson() throws Exception {
        JsonNode tokens = domain.logIn(new Browser(server), "alice", "alice-password");

        DecodedJWT idToken = JWT.decode(tokens.get("id_token").asText());
        RSAPublicKey key = jwksJsonKey(idToken.getKeyId());
        JWT.require(Algorithm.RSA256(key, null))
                .withIssuer(domain.keycloakIssuer() + "/")
                .withAudience("confidential-app")
                .withClaim("nonce", "nonce-456")
                .build()
                .verify(idToken);
        assertNotNull(idToken.getClaim("sid").asString());
        assertNotNull(idToken.getClaim("auth_time").asLong());
        assertEquals(domain.keycloakIssuer(), Jwt.claims(tokens.get("access_token").asText()).get("iss"));
    }

    @Test
    void keycloaksOwnEndpointsAcceptTheTokensIssuedHere() {
        JsonNode tokens = domain.logIn(new Browser(server), "alice", "alice-password", "audience", API);

        // Keycloak's introspection, asked by the API the token is for, and Keycloak's userinfo take the access token
        HttpResponse<String> introspection = Http.postForm(domain.keycloakTokenUrl() + "/introspect", Http.form(
                "client_id", API, "client_secret", API_SECRET, "token", tokens.get("access_token").asText()));
        assertTrue(Http.json(introspection).get("active").asBoolean(), introspection.body());
        HttpResponse<String> userInfo = Http.get(domain.keycloakIssuer() + "/protocol/openid-connect/userinfo",
                "Authorization", "Bearer " + tokens.get("access_token").asText());
        assertEquals(200, userInfo.statusCode(), userInfo.body());
        assertEquals("alice", Http.json(userInfo).get("preferred_username").asText());

        // Keycloak's refresh takes the refresh token, and /oauth/token's refresh gives Auth0's issuer again
        HttpResponse<String> keycloakRefresh = Http.postForm(domain.keycloakTokenUrl(), Http.form("grant_type", "refresh_token",
                "client_id", "confidential-app", "client_secret", "confidential-secret", "refresh_token", tokens.get("refresh_token").asText()));
        assertEquals(200, keycloakRefresh.statusCode(), keycloakRefresh.body());
        assertEquals(domain.keycloakIssuer(), Jwt.claims(Http.json(keycloakRefresh).get("id_token").asText()).get("iss"));
        HttpResponse<String> auth0Refresh = Http.postForm(domain.tokenUrl(), Http.form("grant_type", "refresh_token",
                "client_id", "confidential-app", "client_secret", "confidential-secret", "refresh_token", Http.json(keycloakRefresh).get("refresh_token").asText()));
        assertEquals(200, auth0Refresh.statusCode(), auth0Refresh.body());
        assertEquals(domain.keycloakIssuer() + "/", Jwt.claims(Http.json(auth0Refresh).get("id_token").asText()).get("iss"));
    }

    @Test
    void organizationLoginHasAuth0sOrganizationClaims() {
        JsonNode tokens = domain.logIn(new Browser(server), "alice", "alice-password",
                "organization", TestRealms.ORGANIZATION_ALIAS);

        Map<String, Object> idToken = Jwt.claims(tokens.get("id_token").asText());
        assertEquals(TestRealms.ORGANIZATION_ALIAS, idToken.get("org_name"));
        String organizationId = String.valueOf(idToken.get("org_id"));
        assertEquals(new Admin(server).get("/" + TestRealms.PAR_IT + "/organizations?search=" + TestRealms.ORGANIZATION_ALIAS)
                .get(0).get("id").asText(), organizationId);
    }

    @Test
    void loginWithoutOrganizationHasNoOrganizationClaims() {
        Map<String, Object> idToken = Jwt.claims(domain.logIn(new Browser(server), "alice", "alice-password").get("id_token").asText());
        assertFalse(idToken.containsKey("org_id"), idToken.toString());
        assertFalse(idToken.containsKey("org_name"), idToken.toString());
    }

    private RSAPublicKey jwksJsonKey(String keyId) throws Exception {
        HttpResponse<String> jwks = Http.get(domain.keycloakIssuer() + "/.well-known/jwks.json");
        assertEquals(200, jwks.statusCode(), jwks.body());
        for (JsonNode key : Http.json(jwks).get("keys")) {
            if (keyId.equals(key.get("kid").asText())) {
                Base64.Decoder base64 = Base64.getUrlDecoder();
                return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, base64.decode(key.get("n").asText())), new BigInteger(1, base64.decode(key.get("e").asText()))));
            }
        }
        throw new AssertionError("No key " + keyId + " in " + jwks.body());
    }
}
