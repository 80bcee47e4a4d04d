package io.github.kcauth0.wellknown;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys where Auth0's SDKs look for them, and a discovery document that leads to the Auth0 endpoints. */
class WellKnownIT {

    private static final String REALM = "well-known-it";
    private static final KeycloakServer server = KeycloakServer.get();
    private static final Admin admin = new Admin(server);
    private static final String DOMAIN = server.domain(REALM);

    @BeforeAll
    static void createRealm() {
        ObjectNode realm = Http.JSON.createObjectNode().put("realm", REALM).put("enabled", true);
        realm.putObject("attributes").put("auth0-par.enabled", "true");
        admin.post("", realm);
    }

    @AfterEach
    void restoreDefaults() {
        admin.setRealmAttribute(REALM, "auth0-par.enabled", "true");
        admin.setRealmAttribute(REALM, "auth0-par.discovery", "");
    }

    @Test
    void jwksJsonServesTheRealmsSigningKeys() {
        HttpResponse<String> jwks = Http.get(DOMAIN + "/.well-known/jwks.json");
        HttpResponse<String> certs = Http.get(DOMAIN + "/protocol/openid-connect/certs");

        assertEquals(200, jwks.statusCode(), jwks.body());
        assertTrue(jwks.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(Http.json(certs), Http.json(jwks));
        assertTrue(Http.json(jwks).get("keys").size() > 0);
    }

    @Test
    void discoveryListsThisPushedAuthorizationEndpointAndKeepsKeycloaksIssuerAndEndpoints() {
        JsonNode document = discovery();

        assertEquals(DOMAIN + "/oauth/par", document.get("pushed_authorization_request_endpoint").asText());
        assertEquals(DOMAIN, document.get("issuer").asText());
        assertEquals(DOMAIN + "/protocol/openid-connect/token", document.get("token_endpoint").asText());
        assertEquals(DOMAIN + "/protocol/openid-connect/certs", document.get("jwks_uri").asText());
        assertEquals(DOMAIN + "/protocol/openid-connect/auth", document.get("authorization_endpoint").asText());
    }

    @Test
    void realmSettingKeepsKeycloaksDiscoveryDocument() {
        admin.setRealmAttribute(REALM, "auth0-par.discovery", "false");

        assertEquals(DOMAIN + "/protocol/openid-connect/ext/par/request",
                discovery().get("pushed_authorization_request_endpoint").asText());
    }

    @Test
    void realmWithoutTheExtensionHasKeycloaksDocumentAndNoJwksJson() {
        admin.setRealmAttribute(REALM, "auth0-par.enabled", "false");

        assertEquals(DOMAIN + "/protocol/openid-connect/ext/par/request",
                discovery().get("pushed_authorization_request_endpoint").asText());
        assertEquals(404, Http.get(DOMAIN + "/.well-known/jwks.json").statusCode());
    }

    private static JsonNode discovery() {
        HttpResponse<String> response = Http.get(DOMAIN + "/.well-known/openid-configuration");
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }
}
