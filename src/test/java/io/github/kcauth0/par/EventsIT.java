package io.github.kcauth0.par;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pushed requests appear in Keycloak's events, as those to Keycloak's own PAR endpoint do. */
class EventsIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private final Auth0Domain par = new Auth0Domain(server, TestRealms.PAR_IT);
    private final Admin admin = new Admin(server);

    @Test
    void successIsRecordedAsAPushedAuthorizationRequestEvent() {
        int before = events("PUSHED_AUTHORIZATION_REQUEST", "other-app").size();
        Map<String, String> form = Auth0Domain.validRequest();
        form.put("client_id", "other-app");
        form.put("client_secret", "other-secret");
        par.requestUri(form);

        JsonNode events = events("PUSHED_AUTHORIZATION_REQUEST", "other-app");
        assertEquals(before + 1, events.size(), events.toString());
    }

    @Test
    void rejectionByTheExtensionIsRecordedAsAnErrorEvent() {
        int before = events("PUSHED_AUTHORIZATION_REQUEST_ERROR", "other-app").size();
        Map<String, String> form = Auth0Domain.validRequest();
        form.put("client_id", "other-app");
        form.put("client_secret", "other-secret");
        form.put("response_type", "token");
        par.push(form);

        JsonNode events = events("PUSHED_AUTHORIZATION_REQUEST_ERROR", "other-app");
        assertEquals(before + 1, events.size(), events.toString());
        JsonNode newest = events.get(0);
        assertEquals("unsupported_response_type", newest.get("error").asText());
        assertTrue(newest.get("details").get("reason").asText().contains("response_type"), newest.toString());
    }

    @Test
    void rejectionByKeycloakIsRecordedAsAnErrorEvent() {
        int before = events("PUSHED_AUTHORIZATION_REQUEST_ERROR", "other-app").size();
        Map<String, String> form = Auth0Domain.validRequest();
        form.put("client_id", "other-app");
        form.put("client_secret", "other-secret");
        form.put("redirect_uri", "https://evil.example.com/cb");
        par.push(form);

        assertTrue(events("PUSHED_AUTHORIZATION_REQUEST_ERROR", "other-app").size() > before);
    }

    private JsonNode events(String type, String clientId) {
        return admin.get("/" + TestRealms.PAR_IT + "/events?type=" + type + "&client=" + clientId + "&max=1000");
    }
}
