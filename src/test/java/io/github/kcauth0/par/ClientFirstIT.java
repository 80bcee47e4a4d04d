package io.github.kcauth0.par;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing of the realm is looked up or told before the client is known: a failed client authentication is the
 * same 401 whatever the request names, and an organization or API the client may not use is answered as one
 * that does not exist.
 */
class ClientFirstIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private final Auth0Domain domain = new Auth0Domain(server, TestRealms.PAR_IT);
    private final Admin admin = new Admin(server);

    /** What a request may name, each existing or not, allowed or not. */
    private static final Map<String, Map<String, String>> NAMED = new LinkedHashMap<>();

    static {
        NAMED.put("nothing more", Map.of());
        NAMED.put("an existing organization", Map.of("organization", TestRealms.ORGANIZATION_ALIAS));
        NAMED.put("an unknown organization", Map.of("organization", "globex"));
        NAMED.put("an API the client may request", Map.of("audience", TestRealms.API));
        NAMED.put("an API of another client", Map.of("audience", TestRealms.OTHER_API));
        NAMED.put("an unknown API", Map.of("audience", "https://unknown.example.com"));
        NAMED.put("an unsupported authorization_details type", Map.of("authorization_details", "[{\"type\":\"nope\"}]"));
        NAMED.put("plain PKCE", Map.of("code_challenge_method", "plain"));
    }

    @Test
    void failedAuthenticationIsTheSame401WhateverTheRequestNames() {
        HttpResponse<String> first = null;
        for (Map.Entry<String, Map<String, String>> named : NAMED.entrySet()) {
            Map<String, String> form = Auth0Domain.validRequest();
            form.put("client_secret", "guessed-secret");
            form.putAll(named.getValue());

            HttpResponse<String> refused = domain.push(form);

            assertEquals(401, refused.statusCode(), named.getKey() + ": " + refused.body());
            assertEquals("invalid_client", Http.json(refused).get("error").asText(), named.getKey());
            assertFalse(refused.headers().firstValue("x-ratelimit-limit").isPresent(), named.getKey());
            if (first != null) {
                assertEquals(first.body(), refused.body(), named.getKey());
            }
            first = refused;
        }
    }

    @Test
    void organizationOfAClientWithoutTheOrganizationScopeIsNotFound() {
        Map<String, String> form = Auth0Domain.validRequest();
        form.put("client_id", "other-app");
        form.put("client_secret", "other-secret");
        String optionalScope = "/" + TestRealms.PAR_IT + "/clients/" + admin.clientUuid(TestRealms.PAR_IT, "other-app")
                + "/optional-client-scopes/" + organizationScopeId();
        HttpResponse<String> existing;
        HttpResponse<String> unknown;
        Admin.require(204, admin.send("DELETE", optionalScope, null));
        try {
            existing = domain.push(with(form, "organization", TestRealms.ORGANIZATION_ALIAS));
            unknown = domain.push(with(form, "organization", "globex"));
        } finally {
            Admin.require(204, admin.send("PUT", optionalScope, null));
        }

        assertEquals(400, existing.statusCode(), existing.body());
        assertEquals("Organization not found: " + TestRealms.ORGANIZATION_ALIAS, Http.json(existing).get("error_description").asText());
        assertEquals(Http.json(unknown).get("error").asText(), Http.json(existing).get("error").asText());
    }

    @Test
    void authorizeShowsKeycloaksPageForAnUnknownClientWhateverOrganizationItNames() {
        Browser browser = new Browser(server);
        for (String organization : new String[] {TestRealms.ORGANIZATION_ALIAS, "globex"}) {
            HttpResponse<String> page = browser.open(domain.authorizeUrl(Http.form("client_id", "no-such-client",
                    "response_type", "code", "redirect_uri", TestRealms.CALLBACK, "organization", organization)));

            assertEquals(400, page.statusCode(), page.body());
            assertTrue(page.body().contains("Client not found"), page.body());
            assertFalse(page.body().contains("Organization"), page.body());
        }
    }

    @Test
    void authorizeShowsKeycloaksPageForAnUnregisteredRedirectWhateverApiItNames() {
        Browser browser = new Browser(server);
        for (String audience : new String[] {TestRealms.API, "https://unknown.example.com"}) {
            HttpResponse<String> page = browser.open(domain.authorizeUrl(Http.form("client_id", "confidential-app",
                    "response_type", "code", "redirect_uri", "https://evil.example.com/", "audience", audience)));

            assertEquals(400, page.statusCode(), page.body());
            assertTrue(page.body().contains("Invalid parameter: redirect_uri"), page.body());
            assertFalse(page.body().contains("Service not found"), page.body());
        }
    }

    private String organizationScopeId() {
        for (JsonNode scope : admin.get("/" + TestRealms.PAR_IT + "/client-scopes")) {
            if ("organization".equals(scope.get("name").asText())) {
                return scope.get("id").asText();
            }
        }
        throw new AssertionError("no organization client scope");
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.put(name, value);
        return copy;
    }
}
