package io.github.kcauth0.par;

import java.util.Map;
import java.util.Set;

import io.github.kcauth0.oauth.ClientCredentials;
import io.github.kcauth0.oauth.OAuthError;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Auth0ParameterMappingTest {

    private static final String API = "https://api.example.com";
    private final Auth0ParameterMapping mapping = new Auth0ParameterMapping(Set.of(API, "profile")::contains);

    @Test
    void standardParametersKeepTheirNames() {
        Map<String, String> auth0 = Map.of("client_id", "app", "client_secret", "s", "response_type", "code",
                "redirect_uri", "https://app/cb", "state", "st", "nonce", "n", "code_challenge", "c",
                "code_challenge_method", "S256", "scope", "openid profile");

        MultivaluedMap<String, String> keycloak = map(auth0, null);

        auth0.forEach((name, value) -> assertEquals(value, keycloak.getFirst(name), name));
        assertEquals(auth0.size(), keycloak.size());
    }

    @Test
    void audienceJoinsTheScopeAsItsClientScope() {
        assertEquals("openid profile " + API, map(Map.of("scope", "openid profile", "audience", API), null).getFirst("scope"));
        assertEquals(API, map(Map.of("audience", API), null).getFirst("scope"));
        assertEquals("openid " + API, map(Map.of("scope", "openid  " + API, "audience", API), null).getFirst("scope"));
    }

    @Test
    void audienceUnknownToTheRealmIsRejectedByName() {
        OAuthError error = assertThrows(OAuthError.class, () -> map(Map.of("audience", "https://nope.example.com"), null));

        assertEquals(400, error.status());
        assertEquals("Service not found: https://nope.example.com", error.description());
    }

    @Test
    void audienceIsNotAParameterOfKeycloak() {
        assertFalse(map(Map.of("audience", API), null).containsKey("audience"));
    }

    @Test
    void basicClientIdBecomesTheClientIdParameter() {
        assertEquals("app", map(Map.of("response_type", "code"), "app").getFirst("client_id"));
    }

    private MultivaluedMap<String, String> map(Map<String, String> auth0, String basicClientId) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        auth0.forEach(form::putSingle);
        String header = basicClientId == null ? null
                : "Basic " + java.util.Base64.getEncoder().encodeToString((basicClientId + ":secret").getBytes());
        Auth0AuthorizationRequest request = Auth0AuthorizationRequest.fromForm(form);
        return mapping.toKeycloak(request, ClientCredentials.of(header, request.parameters()));
    }
}
