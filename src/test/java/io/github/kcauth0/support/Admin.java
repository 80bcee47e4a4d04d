package io.github.kcauth0.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Keycloak's Admin REST API, as the master realm's admin. */
public final class Admin {

    private final KeycloakServer server;
    private String token;
    private Instant tokenExpiry = Instant.MIN;

    public Admin(KeycloakServer server) {
        this.server = server;
    }

    public JsonNode get(String path) {
        return Http.json(require(200, send("GET", path, null)));
    }

    /** Keycloak's server info: its version, features, providers. */
    public JsonNode serverInfo() {
        return Http.json(require(200, send("GET", URI.create(server.baseUrl() + "/admin/serverinfo"), null)));
    }

    public HttpResponse<String> send(String method, String path, Object json) {
        return send(method, URI.create(server.baseUrl() + "/admin/realms" + path), json);
    }

    private HttpResponse<String> send(String method, URI uri, Object json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(Long.getLong("admin.timeout.seconds", 30)))
                .header("Authorization", "Bearer " + token());
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(json)));
        }
        return Http.send(request.build());
    }

    public void put(String path, Object json) {
        require(204, send("PUT", path, json));
    }

    public void post(String path, Object json) {
        require(201, send("POST", path, json));
    }

    /**
     * Changes some fields of a realm's representation, as the admin console does; {@code attributes} are
     * merged, since Keycloak drops the attributes a PUT leaves out.
     */
    public void updateRealm(String realm, ObjectNode changes) {
        put("/" + realm, merge(get("/" + realm), changes));
    }

    public void setRealmAttribute(String realm, String name, String value) {
        ObjectNode changes = Http.JSON.createObjectNode();
        changes.putObject("attributes").put(name, value);
        updateRealm(realm, changes);
    }

    public String clientUuid(String realm, String clientId) {
        return get("/" + realm + "/clients?clientId=" + Http.urlEncode(clientId)).get(0).get("id").asText();
    }

    /** Changes some fields of a client's representation; {@code attributes} are merged, not replaced. */
    public void updateClient(String realm, String clientId, ObjectNode changes) {
        String path = "/" + realm + "/clients/" + clientUuid(realm, clientId);
        put(path, merge(get(path), changes));
    }

    private static ObjectNode merge(JsonNode representation, ObjectNode changes) {
        ObjectNode merged = ((ObjectNode) representation).deepCopy();
        ObjectNode attributes = merged.has("attributes") ? (ObjectNode) merged.get("attributes") : merged.putObject("attributes");
        changes.fields().forEachRemaining(change -> {
            if (change.getKey().equals("attributes")) {
                attributes.setAll((ObjectNode) change.getValue());
            } else {
                merged.set(change.getKey(), change.getValue());
            }
        });
        return merged;
    }

    public static HttpResponse<String> require(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError("Expected " + status + " from admin API, got " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private synchronized String token() {
        if (Instant.now().isAfter(tokenExpiry)) {
            HttpResponse<String> response = require(200, Http.postForm(
                    server.baseUrl() + "/realms/master/protocol/openid-connect/token",
                    Http.form("grant_type", "password", "client_id", "admin-cli",
                            "username", KeycloakServer.ADMIN_USER, "password", KeycloakServer.ADMIN_PASSWORD)));
            JsonNode body = Http.json(response);
            token = body.get("access_token").asText();
            tokenExpiry = Instant.now().plusSeconds(body.get("expires_in").asLong() - 10);
        }
        return token;
    }

    private static String write(Object json) {
        try {
            return json instanceof String s ? s : Http.JSON.writeValueAsString(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
