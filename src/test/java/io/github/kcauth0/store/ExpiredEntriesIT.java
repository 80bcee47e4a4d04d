package io.github.kcauth0.store;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.PushedRequestStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pushed requests leave the server's memory once their lifespan has passed, nobody having asked for them: many
 * pushes through /oauth/par and through Keycloak's own PAR endpoint, with an 8 s PAR lifespan, then whether the
 * entry of each is still in Keycloak's single-use store's memory (expired or not), read on the server by the probe
 * without touching it. Infinispan's own reaper runs once a minute, so without the extension's pass they would
 * mostly still be there.
 */
class ExpiredEntriesIT {

    private static final String REALM = "expired-entries-it";
    private static final int LIFESPAN_SECONDS = 8;
    private static final int PUSHES_PER_ENDPOINT = 25;
    /** The lifespan, one period of the extension's pass, the pass itself and the last pushes' own delay. */
    private static final long WAIT_MILLIS = (LIFESPAN_SECONDS + ExpiredEntriesPassFactory.DEFAULT_PERIOD_SECONDS + 3) * 1000L;
    private static final KeycloakServer server = KeycloakServer.get();
    private final Auth0Domain domain = new Auth0Domain(server, REALM);
    private final PushedRequestStore store = new PushedRequestStore(server);

    @BeforeAll
    static void createRealm() {
        ObjectNode realm = Http.JSON.createObjectNode().put("realm", REALM).put("enabled", true);
        realm.putObject("attributes").put("auth0-par.enabled", "true")
                .put("parRequestUriLifespan", String.valueOf(LIFESPAN_SECONDS));
        realm.putArray("clients").addObject().put("clientId", "app").put("secret", "app-secret")
                .putArray("redirectUris").add(CALLBACK);
        new Admin(server).post("", realm);
    }

    @Test
    void pushedRequestsLeaveMemoryOnceTheirLifespanHasPassed() throws InterruptedException {
        Map<String, String> request = Http.form("client_id", "app", "client_secret", "app-secret",
                "response_type", "code", "redirect_uri", CALLBACK, "scope", "openid",
                "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256");
        List<String> pushed = new ArrayList<>();
        for (int i = 0; i < PUSHES_PER_ENDPOINT; i++) {
            pushed.add(domain.requestUri(request));
            HttpResponse<String> keycloak = Http.postForm(keycloakParUrl(), request);
            assertEquals(201, keycloak.statusCode(), "push to Keycloak's PAR endpoint");
            pushed.add(Http.json(keycloak).get("request_uri").asText());
        }
        String last = pushed.get(pushed.size() - 1);
        assertTrue(store.inMemory(last), "the probe sees a pending pushed request in memory");

        Thread.sleep(WAIT_MILLIS);

        List<String> stillInMemory = pushed.stream().filter(store::inMemory).toList();
        assertEquals(List.of(), stillInMemory, "pushed requests in memory once their lifespan and one pass had passed");
    }

    private String keycloakParUrl() {
        return server.domain(REALM) + "/protocol/openid-connect/ext/par/request";
    }
}
