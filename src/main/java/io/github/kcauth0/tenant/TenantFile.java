package io.github.kcauth0.tenant;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kcauth0.oauth.OAuthError;

/**
 * The import's body: one JSON object whose members are the Auth0 Management API v2 lists, each as Auth0 answers
 * it. Every list may be missing; other members are ignored.
 */
record TenantFile(List<Auth0Object> clients, List<Auth0Object> resourceServers, List<Auth0Object> clientGrants,
                  List<Auth0Object> organizations, List<Auth0Object> connections) {

    /** 5 MB: a tenant of a thousand applications with long URL lists fits well below it. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    static TenantFile parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw OAuthError.invalidRequest("Invalid tenant file: the body must be a JSON object");
        }
        if (body.length > MAX_BYTES) {
            throw new OAuthError(413, OAuthError.INVALID_REQUEST, "The tenant file is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw OAuthError.invalidRequest("Invalid tenant file: not JSON");
        }
        if (root == null || !root.isObject()) {
            throw OAuthError.invalidRequest("Invalid tenant file: the body must be a JSON object");
        }
        return new TenantFile(list(root, "clients"), list(root, "resource_servers"), list(root, "client_grants"),
                list(root, "organizations"), list(root, "connections"));
    }

    private static List<Auth0Object> list(JsonNode root, String name) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw OAuthError.invalidRequest("Invalid tenant file: " + name + " must be an array");
        }
        List<Auth0Object> objects = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            objects.add(new Auth0Object(name, i, value.get(i)));
        }
        return objects;
    }
}
