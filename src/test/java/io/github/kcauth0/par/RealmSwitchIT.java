package io.github.kcauth0.par;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.Auth0Domain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The endpoint is off unless the realm attribute auth0-par.enabled is true; a change applies at once. */
class RealmSwitchIT {

    private static final String REALM = "switch-it";
    private static final KeycloakServer server = KeycloakServer.get();
    private static final Admin admin = new Admin(server);
    private final Auth0Domain par = new Auth0Domain(server, REALM);

    @BeforeEach
    void createRealmWithoutTheAttribute() {
        ObjectNode realm = Http.JSON.createObjectNode().put("realm", REALM).put("enabled", true);
        realm.putArray("clients").addObject().put("clientId", "app").put("secret", "app-secret")
                .putArray("redirectUris").add(CALLBACK);
        admin.post("", realm);
    }

    @AfterEach
    void deleteRealm() {
        Admin.require(204, admin.send("DELETE", "/" + REALM, null));
    }

    @Test
    void endpointFollowsTheRealmAttribute() {
        assertNotInstalled();

        admin.setRealmAttribute(REALM, "auth0-par.enabled", "true");
        assertEquals(201, par.push(request()).statusCode());

        admin.setRealmAttribute(REALM, "auth0-par.enabled", "false");
        assertNotInstalled();

        admin.setRealmAttribute(REALM, "auth0-par.enabled", "true");
        assertEquals(201, par.push(request()).statusCode());
    }

    @Test
    void realmExportCarriesTheAttribute() {
        admin.setRealmAttribute(REALM, "auth0-par.enabled", "true");

        HttpResponse<String> export = Admin.require(200, admin.send("POST", "/" + REALM + "/partial-export", null));

        assertEquals("true", Http.json(export).get("attributes").get("auth0-par.enabled").asText());
    }

    @Test
    void realmImportedWithTheAttributeServesTheEndpoint() {
        ObjectNode imported = Http.JSON.createObjectNode().put("realm", "switch-import-it").put("enabled", true);
        imported.putObject("attributes").put("auth0-par.enabled", "true");
        imported.putArray("clients").addObject().put("clientId", "app").put("secret", "app-secret")
                .putArray("redirectUris").add(CALLBACK);
        admin.post("", imported);
        try {
            assertEquals(201, new Auth0Domain(server, "switch-import-it").push(request()).statusCode());
        } finally {
            Admin.require(204, admin.send("DELETE", "/switch-import-it", null));
        }
    }

    /** 404, exactly as for a path that no provider serves. */
    private void assertNotInstalled() {
        HttpResponse<String> notInstalled = Http.get(server.domain(REALM) + "/not-an-installed-extension");
        HttpResponse<String> post = par.push(request());
        HttpResponse<String> get = Http.get(par.url());

        assertEquals(404, notInstalled.statusCode());
        for (HttpResponse<String> response : new HttpResponse[] {post, get}) {
            assertEquals(404, response.statusCode(), response.body());
            assertEquals(notInstalled.body(), response.body());
        }
    }

    private static Map<String, String> request() {
        return Http.form("client_id", "app", "client_secret", "app-secret", "response_type", "code",
                "redirect_uri", CALLBACK, "scope", "openid");
    }
}
