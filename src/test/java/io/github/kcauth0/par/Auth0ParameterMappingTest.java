package io.github.kcauth0.par;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.rar.LoginParameterLimits;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Auth0ParameterMappingTest {

    private static final String API = "https://api.example.com";

    /** Whether the client of {@link #mapping} asks its users for consent. */
    private boolean clientRequiresConsent;

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
        public Set<String> processedByKeycloak() {
            return Set.of("openid_credential");
        }

        @Override
        public Optional<Set<String>> registeredOn(String api) {
            return API.equals(api) ? Optional.of(Set.of("payment_initiation")) : Optional.empty();
        }

        @Override
        public boolean clientRequiresConsent() {
            return clientRequiresConsent;
        }

        @Override
        public LoginParameterLimits loginParameterLimits() {
            return new LoginParameterLimits(2000, 16, Set.of("client_id", "scope"), 3);
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
    void authorizationDetailsOfAnApisTypeAreCarriedUnderTheExtensionsName() {
        String details = "[{\"type\":\"payment_initiation\",\"instructedAmount\":{\"currency\":\"EUR\",\"amount\":\"123.50\"}}]";

        MultivaluedMap<String, String> keycloak = map(Map.of("authorization_details", details, "audience", API));

        assertEquals(details, keycloak.getFirst("auth0_authorization_details"));
        assertFalse(keycloak.containsKey("authorization_details"));
    }

    @Test
    void authorizationDetailsForAClientThatRequiresConsentAskForItAgain() {
        clientRequiresConsent = true;
        String details = "[{\"type\":\"payment_initiation\"}]";

        assertEquals("consent", map(Map.of("authorization_details", details, "audience", API)).getFirst("prompt"));
        assertEquals("login consent", map(Map.of("authorization_details", details, "audience", API, "prompt", "login")).getFirst("prompt"));
        assertEquals("consent", map(Map.of("authorization_details", details, "audience", API, "prompt", "consent")).getFirst("prompt"));
        assertEquals(null, map(Map.of("audience", API)).getFirst("prompt"), "without details Keycloak's remembered consent holds");
        OAuthError silent = assertThrows(OAuthError.class,
                () -> map(Map.of("authorization_details", details, "audience", API, "prompt", "none")));
        assertEquals("invalid_request", silent.error());
    }

    @Test
    void authorizationDetailsOfATypeTheApiDoesNotRegisterAreRejectedNamingTheType() {
        OAuthError error = assertThrows(OAuthError.class,
                () -> map(Map.of("authorization_details", "[{\"type\":\"account_information\",\"secret\":\"s3\"}]", "audience", API)));

        assertEquals("invalid_authorization_details", error.error());
        assertEquals("authorization_details type \"account_information\" is not registered on the API", error.description());
        assertEquals("authorization_details type not registered on the API", error.descriptionWithoutRequestValues());
    }

    @Test
    void authorizationDetailsOfAnApisTypeWithoutAnAudienceAreRejected() {
        OAuthError error = assertThrows(OAuthError.class,
                () -> map(Map.of("authorization_details", "[{\"type\":\"payment_initiation\"}]")));

        assertEquals("invalid_authorization_details", error.error());
        assertEquals("authorization_details needs an audience: the API that registers its types", error.description());
    }

    @Test
    void authorizationDetailsForAnApiTheClientMayNotUseAreAnUnknownService() {
        OAuthError error = assertThrows(OAuthError.class, () -> new Auth0ParameterMapping(lookupsAllowingEveryScope())
                .toKeycloak(Auth0AuthorizationRequest.of(form(Map.of("authorization_details", "[{\"type\":\"payment_initiation\"}]",
                        "audience", "https://other.example.com")))));

        assertEquals("invalid_request", error.error());
        assertEquals("Service not found: https://other.example.com", error.description());
    }

    @Test
    void authorizationDetailsThatKeycloakWouldDropAreRefusedWithTheLimit() {
        OAuthError error = assertThrows(OAuthError.class, () -> map(Map.of("audience", API,
                "authorization_details", "[{\"type\":\"payment_initiation\",\"note\":\"" + "x".repeat(2000) + "\"}]")));

        assertEquals("invalid_authorization_details", error.error());
        assertEquals(true, error.description().endsWith("this server keeps at most 2000 with a login (Keycloak's add-req-params-max-size)"),
                error.description());
    }

    private static RealmLookups lookupsAllowingEveryScope() {
        return new RealmLookups() {
            @Override
            public boolean clientMayRequestScope(String name) {
                return true;
            }

            @Override
            public Optional<String> organizationAlias(String idOrAlias) {
                return Optional.empty();
            }

            @Override
            public Set<String> processedByKeycloak() {
                return Set.of();
            }

            @Override
            public Optional<Set<String>> registeredOn(String api) {
                return Optional.empty();
            }

            @Override
            public boolean clientRequiresConsent() {
                return false;
            }

            @Override
            public LoginParameterLimits loginParameterLimits() {
                return new LoginParameterLimits(2000, 16, Set.of(), 0);
            }
        };
    }

    @Test
    void invitationIsRejectedClearly() {
        OAuthError error = assertThrows(OAuthError.class, () -> map(Map.of("invitation", "abc")));

        assertEquals(400, error.status());
        assertEquals("invalid_request", error.error());
    }

    private MultivaluedMap<String, String> map(Map<String, String> auth0) {
        return mapping.toKeycloak(Auth0AuthorizationRequest.of(form(auth0)));
    }

    private static MultivaluedMap<String, String> form(Map<String, String> auth0) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        auth0.forEach(form::putSingle);
        return form;
    }
}
