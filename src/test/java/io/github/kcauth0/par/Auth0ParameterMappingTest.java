package io.github.kcauth0.par;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.kcauth0.oauth.OAuthError;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Auth0ParameterMappingTest {

    private static final String API = "https://api.example.com";

    /**
     * A client that may request the API's client scope and the organization scope, in a realm with organization
     * "Acme Corp" (alias acme, id org-1) and one RAR type.
     */
    private final Auth0ParameterMapping mapping = new Auth0ParameterMapping(new RealmLookups() {
        @Override
        public boolean clientMayRequestScope(String name) {
            return Set.of(API, "profile", "organization").contains(name);
        }

        @Override
        public Optional<String> organizationAlias(String idOrAlias) {
            return Set.of("org-1", "acme").contains(idOrAlias) ? Optional.of("acme") : Optional.empty();
        }

        @Override
        public Set<String> authorizationDetailsTypes() {
            return Set.of("openid_credential");
        }
    });

    @Test
    void standardParametersKeepTheirNames() {
        Map<String, String> auth0 = Map.ofEntries(Map.entry("client_id", "app"),
                Map.entry("response_type", "code"), Map.entry("redirect_uri", "https://app/cb"), Map.entry("state", "st"),
                Map.entry("nonce", "n"), Map.entry("code_challenge", "c"), Map.entry("code_challenge_method", "S256"),
                Map.entry("scope", "openid profile"), Map.entry("prompt", "login"), Map.entry("max_age", "0"),
                Map.entry("login_hint", "alice"), Map.entry("ui_locales", "de"), Map.entry("response_mode", "form_post"),
                Map.entry("request", "a.b.c"), Map.entry("ext-tenant", "t1"));

        MultivaluedMap<String, String> keycloak = map(auth0);

        auth0.forEach((name, value) -> assertEquals(value, keycloak.getFirst(name), name));
        assertEquals(auth0.size(), keycloak.size());
    }

    @Test
    void audienceAndItsAliasResourceJoinTheScopeAsClientScopes() {
        assertEquals("openid profile " + API, map(Map.of("scope", "openid profile", "audience", API)).getFirst("scope"));
        assertEquals(API, map(Map.of("resource", API)).getFirst("scope"));
        assertEquals("openid " + API, map(Map.of("scope", "openid  " + API, "audience", API, "resource", API)).getFirst("scope"));
        assertFalse(map(Map.of("audience", API)).containsKey("audience"));
        assertFalse(map(Map.of("resource", API)).containsKey("resource"));
    }

    @Test
    void audienceUnknownToTheRealmIsRejectedByName() {
        OAuthError error = assertThrows(OAuthError.class, () -> map(Map.of("audience", "https://nope.example.com")));

        assertEquals(400, error.status());
        assertEquals("Service not found: https://nope.example.com", error.description());
        assertEquals("Service not found", error.descriptionWithoutRequestValues());
    }

    @Test
    void organizationByIdOrAliasRequestsKeycloaksOrganizationScope() {
        for (String organization : List.of("org-1", "acme")) {
            assertEquals("openid organization:acme", map(Map.of("scope", "openid", "organization", organization)).getFirst("scope"));
        }
        OAuthError notFound = assertThrows(OAuthError.class, () -> map(Map.of("organization", "globex")));
        assertEquals("Organization not found: globex", notFound.description());
        assertEquals("Organization not found", notFound.descriptionWithoutRequestValues());
    }

    @Test
    void connectionIsKeycloaksIdentityProviderHint() {
        MultivaluedMap<String, String> keycloak = map(Map.of("connection", "google-oauth2"));

        assertEquals("google-oauth2", keycloak.getFirst("kc_idp_hint"));
        assertFalse(keycloak.containsKey("connection"));
    }

    @Test
    void signupScreenHintIsKeycloaksCreatePrompt() {
        assertEquals("create", map(Map.of("screen_hint", "signup")).getFirst("prompt"));
        assertEquals("login", map(Map.of("screen_hint", "signup", "prompt", "login")).getFirst("prompt"));
        assertFalse(map(Map.of("screen_hint", "login")).containsKey("prompt"));
    }

    @Test
    void authorizationDetailsOfASupportedTypeArePassedOn() {
        String details = "[{\"type\":\"openid_credential\"}]";

        assertEquals(details, map(Map.of("authorization_details", details)).getFirst("authorization_details"));
    }

    @Test
    void authorizationDetailsOfAnUnsupportedTypeAreRejectedClearly() {
        OAuthError error = assertThrows(OAuthError.class,
                () -> map(Map.of("authorization_details", "[{\"type\":\"payment_initiation\"}]")));

        assertEquals("Unsupported authorization_details type: \"payment_initiation\"; this realm supports openid_credential",
                error.description());
        assertEquals("Unsupported authorization_details type; this realm supports openid_credential",
                error.descriptionWithoutRequestValues());
        assertEquals(400, assertThrows(OAuthError.class, () -> map(Map.of("authorization_details", "{}"))).status());
    }

    @Test
    void invitationIsRejectedClearly() {
        OAuthError error = assertThrows(OAuthError.class, () -> map(Map.of("invitation", "abc")));

        assertEquals(400, error.status());
        assertEquals("invalid_request", error.error());
    }

    private MultivaluedMap<String, String> map(Map<String, String> auth0) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        auth0.forEach(form::putSingle);
        return mapping.toKeycloak(Auth0AuthorizationRequest.of(form));
    }
}
