package io.github.kcauth0.ops;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cap on pending pushed requests, set small through the realm setting, with a short PAR lifespan. */
class PendingPushesIT {

    private static final String REALM = "pending-it";
    private static final KeycloakServer server = KeycloakServer.get();
    private final Auth0Domain domain = new Auth0Domain(server, REALM);

    @BeforeAll
    static void createRealm() {
        ObjectNode realm = Http.JSON.createObjectNode().put("realm", REALM).put("enabled", true);
        realm.putObject("attributes").put("auth0-par.enabled", "true").put("auth0-par.max-pending-requests", "3")
                .put("parRequestUriLifespan", "3");
        realm.putArray("clients").addObject().put("clientId", "app").put("secret", "app-secret")
                .putArray("redirectUris").add(CALLBACK);
        new Admin(server).post("", realm);
    }

    @Test
    void pushesOverTheCapAreRefusedUntilTheLifespanPasses() throws InterruptedException {
        Map<String, String> form = Auth0Domain.validRequest();
        form.put("client_id", "app");
        form.put("client_secret", "app-secret");
        form.put("scope", "openid");

        for (int i = 0; i < 3; i++) {
            assertEquals(201, domain.push(form).statusCode());
        }
        HttpResponse<String> refused = domain.push(form);

        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("too_many_requests", Http.json(refused).get("error").asText());
        // Refused before the client authenticated: when to try again, and nothing of the realm's traffic.
        assertFalse(refused.headers().firstValue("x-ratelimit-limit").isPresent());
        assertTrue(Long.parseLong(refused.headers().firstValue("retry-after").orElseThrow()) >= 1);
        assertTrue(Http.get(server.managementUrl() + "/metrics").body().lines().anyMatch(line ->
                line.startsWith("auth0_par_shed_requests_total{") && line.contains("realm=\"" + REALM + "\"")
                        && line.contains("reason=\"realm_capacity\"")), "shed requests counted by reason");

        Thread.sleep(4_000);

        assertEquals(201, domain.push(form).statusCode(), "accepted again once the pushed requests expired");
    }

    @Test
    void oneClientFillingTheRealmsCapLeavesAnotherClientOfTheRealmItsShare() {
        String realmName = "pending-share-it";
        ObjectNode realm = Http.JSON.createObjectNode().put("realm", realmName).put("enabled", true);
        realm.putObject("attributes").put("auth0-par.enabled", "true").put("auth0-par.max-pending-requests", "4")
                .put("parRequestUriLifespan", "60");
        for (String client : new String[] {"flooding-app", "other-app"}) {
            realm.withArray("clients").addObject().put("clientId", client).put("secret", client + "-secret")
                    .putArray("redirectUris").add(CALLBACK);
        }
        new Admin(server).post("", realm);
        Auth0Domain shared = new Auth0Domain(server, realmName);

        for (int i = 0; i < 4; i++) {
            assertEquals(201, shared.push(clientRequest("flooding-app")).statusCode());
        }
        HttpResponse<String> flooderRefused = shared.push(clientRequest("flooding-app"));
        HttpResponse<String> otherAccepted = shared.push(clientRequest("other-app"));

        assertEquals(429, flooderRefused.statusCode(), flooderRefused.body());
        assertEquals(201, otherAccepted.statusCode(), "the other client's share of the realm's cap: " + otherAccepted.body());
    }

    private static Map<String, String> clientRequest(String clientId) {
        Map<String, String> form = Auth0Domain.validRequest();
        form.put("client_id", clientId);
        form.put("client_secret", clientId + "-secret");
        form.put("scope", "openid");
        return form;
    }
}
