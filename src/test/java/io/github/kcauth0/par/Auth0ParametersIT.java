package io.github.kcauth0.par;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.Jwt;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Auth0's other authorization parameters, pushed to /oauth/par, change what the user sees or the tokens hold. */
class Auth0ParametersIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private final Auth0Domain domain = new Auth0Domain(server, TestRealms.PAR_IT);

    @Test
    void organizationByIdOrAliasPutsTheOrganizationIntoTheTokens() {
        String organizationId = new Admin(server).get("/" + TestRealms.PAR_IT + "/organizations?search=acme").get(0).get("id").asText();
        for (String organization : List.of(organizationId, TestRealms.ORGANIZATION_ALIAS)) {
            Map<String, Object> access = Jwt.claims(loginAndRedeem(Map.of("organization", organization)).get("access_token"));

            assertEquals(List.of(TestRealms.ORGANIZATION_ALIAS), access.get("organization"), organization);
        }
    }

    @Test
    void unknownOrganizationIsRejected() {
        assertError(push(Map.of("organization", "globex")), "Organization not found: globex");
    }

    /** Auth0's organization name is Keycloak's alias; Keycloak's display name is not looked up. */
    @Test
    void organizationByKeycloaksDisplayNameIsNotFound() {
        assertError(push(Map.of("organization", TestRealms.ORGANIZATION_NAME)), "Organization not found: " + TestRealms.ORGANIZATION_NAME);
    }

    @Test
    void resourceNamesTheAudienceAsAudienceDoes() {
        Map<String, Object> access = Jwt.claims(loginAndRedeem(Map.of("resource", API)).get("access_token"));

        assertTrue(PushedLoginFlowIT.audiences(access).contains(API), access.toString());
    }

    @Test
    void extParametersReachTheTokensThroughAProtocolMapper() {
        Map<String, String> tokens = loginAndRedeem(Map.of("ext-tenant", "tenant-42", "ext-unmapped", "x"));

        assertEquals("tenant-42", Jwt.claims(tokens.get("access_token")).get("tenant"));
        assertEquals("tenant-42", Jwt.claims(tokens.get("id_token")).get("tenant"));
    }

    @Test
    void tenExtParametersAreKeptAndAnEleventhIsRejected() {
        Map<String, String> form = Auth0Domain.validRequest();
        for (int i = 1; i <= 9; i++) {
            form.put("ext-p" + i, "v" + i);
        }
        form.put("ext-tenant", "tenant-10");
        // Keycloak counts display, like its own par.created.time, among the extra parameters it keeps.
        form.put("display", "page");
        List<String> mappers = mapExtParametersToClaims(9);
        try {
            Map<String, Object> access = Jwt.claims(loginAndRedeem(form).get("access_token"));

            assertEquals("tenant-10", access.get("tenant"), access.toString());
            for (int i = 1; i <= 9; i++) {
                assertEquals("v" + i, access.get("p" + i), access.toString());
            }
        } finally {
            mappers.forEach(mapper -> Admin.require(204, new Admin(server).send("DELETE", mapper, null)));
        }

        form.put("ext-p11", "v11");
        assertError(domain.push(form), "At most 10 ext-* parameters are allowed");
    }

    @Test
    void connectionSendsTheUserToThatIdentityProvider() {
        HttpResponse<String> answer = new Browser(server).open(authorizeAfterPush(Map.of("connection", "corp")));

        String location = answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError(answer.body()));
        assertTrue(location.startsWith("https://sso.corp.example/authorize?"), location);
    }

    @Test
    void connectionNamingNoIdentityProviderShowsTheLoginForm() {
        HttpResponse<String> page = new Browser(server).open(authorizeAfterPush(Map.of("connection", "{no such} & co")));

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(Browser.isLoginPage(page), page.body());
    }

    @Test
    void signupScreenHintShowsTheRegistrationForm() {
        HttpResponse<String> page = new Browser(server).open(authorizeAfterPush(Map.of("screen_hint", "signup")));

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("kc-register-form"), page.body());
    }

    @Test
    void signupScreenHintRegistersTheUserAndTheApplicationGetsItsTokens() {
        Browser browser = new Browser(server);
        HttpResponse<String> form = browser.open(authorizeAfterPush(Map.of("screen_hint", "signup")));
        String username = "signup-" + UUID.randomUUID();

        HttpResponse<String> registered = browser.submitForm(form, "kc-register-form", Http.form("username", username,
                "email", username + "@example.com", "firstName", "Sign", "lastName", "Up",
                "password", "signup-password", "password-confirm", "signup-password"));

        URI callback = URI.create(registered.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError(registered.statusCode() + " " + registered.body())));
        HttpResponse<String> tokens = domain.redeem("confidential-app", "confidential-secret", Auth0Domain.code(callback));
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals(username, Jwt.claims(Http.json(tokens).get("access_token").asText()).get("preferred_username"));
    }

    @Test
    void loginHintNamesTheUserOnTheLoginPage() {
        HttpResponse<String> page = new Browser(server).open(authorizeAfterPush(Map.of("login_hint", "alice@example.com")));

        assertTrue(Browser.isLoginPage(page));
        if (server.isOlderThan(26, 5)) {
            // Keycloak 26.4's organization login (Organizations are on in this realm) looks up the user the hint
            // names and asks only for that user's password.
            assertTrue(page.body().contains("id=\"kc-attempted-username\" value=\"alice\""), page.body());
        } else {
            assertTrue(page.body().contains("value=\"alice@example.com\""), page.body());
        }
    }

    @Test
    void uiLocalesChoosesTheLanguageOfTheLoginPage() {
        HttpResponse<String> page = new Browser(server).open(authorizeAfterPush(Map.of("ui_locales", "de")));

        assertTrue(Browser.isLoginPage(page));
        assertTrue(page.body().contains("lang=\"de\""), page.body());
    }

    @Test
    void promptLoginAsksAgainDespiteTheSsoSession() {
        Browser browser = new Browser(server);
        browser.login(authorizeAfterPush(Map.of()), "alice", "alice-password");

        HttpResponse<String> withSso = browser.open(authorizeAfterPush(Map.of()));
        HttpResponse<String> withPromptLogin = browser.open(authorizeAfterPush(Map.of("prompt", "login")));

        assertTrue(withSso.headers().firstValue("Location").orElse("").startsWith(TestRealms.CALLBACK), "SSO: straight back");
        assertTrue(Browser.isLoginPage(withPromptLogin), "prompt=login: the login form again");
    }

    @Test
    void formPostResponseModePostsTheCodeToTheApplication() {
        Browser browser = new Browser(server);
        HttpResponse<String> loginPage = browser.open(authorizeAfterPush(Map.of("response_mode", "form_post")));

        HttpResponse<String> afterLogin = browser.submitLoginForm(loginPage, "alice", "alice-password");

        assertEquals(200, afterLogin.statusCode());
        String form = afterLogin.body().toLowerCase();
        assertTrue(form.contains("<form method=\"post\" action=\"" + TestRealms.CALLBACK + "\""), afterLogin.body());
        assertTrue(form.contains("name=\"code\""), afterLogin.body());
    }

    @Test
    void authorizationDetailsOfATypeTheApiDoesNotRegisterAreAClearError() {
        HttpResponse<String> response = push(Map.of("audience", API, "authorization_details",
                "[{\"type\":\"account_information\",\"accounts\":[\"DE02100100109307118603\"]}]"));

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_authorization_details", Http.json(response).get("error").asText(), response.body());
        assertEquals("authorization_details type \"account_information\" is not registered on the API",
                Http.json(response).get("error_description").asText(), response.body());
    }

    @Test
    void invitationIsAClearError() {
        assertError(push(Map.of("invitation", "ticket-123")),
                "Parameter not supported: invitation; Keycloak invites organization members by e-mail link");
    }

    @Test
    void unknownParametersAreIgnoredAsAuth0Does() {
        assertEquals(201, push(Map.of("unknown_parameter", "x", "foo", "bar")).statusCode());
    }

    /**
     * Adds Auth0 ext-* parameter mappers of ext-p1 … ext-pN to confidential-app (claims p1 … pN), besides its
     * mapper of ext-tenant; returns their admin paths.
     */
    private static List<String> mapExtParametersToClaims(int count) {
        Admin admin = new Admin(server);
        String mappers = "/" + TestRealms.PAR_IT + "/clients/" + admin.clientUuid(TestRealms.PAR_IT, "confidential-app")
                + "/protocol-mappers/models";
        for (int i = 1; i <= count; i++) {
            ObjectNode mapper = Http.JSON.createObjectNode().put("name", "p" + i + " from ext-p" + i)
                    .put("protocol", "openid-connect").put("protocolMapper", "auth0-ext-parameter-mapper");
            mapper.putObject("config").put("ext.parameter", "ext-p" + i).put("claim.name", "p" + i)
                    .put("jsonType.label", "String").put("access.token.claim", "true");
            admin.post(mappers, mapper);
        }
        List<String> added = new ArrayList<>();
        admin.get(mappers).forEach(mapper -> {
            if (mapper.get("name").asText().matches("p\\d+ from ext-p\\d+")) {
                added.add(mappers + "/" + mapper.get("id").asText());
            }
        });
        assertEquals(count, added.size());
        return added;
    }

    private HttpResponse<String> push(Map<String, String> extra) {
        Map<String, String> form = Auth0Domain.validRequest();
        form.putAll(extra);
        return domain.push(form);
    }

    private String authorizeAfterPush(Map<String, String> extra) {
        Map<String, String> form = Auth0Domain.validRequest();
        form.putAll(extra);
        return domain.authorizeUrl("confidential-app", domain.requestUri(form));
    }

    private Map<String, String> loginAndRedeem(Map<String, String> extra) {
        URI callback = new Browser(server).login(authorizeAfterPush(extra), "alice", "alice-password");
        HttpResponse<String> tokens = domain.redeem("confidential-app", "confidential-secret", Auth0Domain.code(callback));
        assertEquals(200, tokens.statusCode(), tokens.body());
        return Map.of("access_token", Http.json(tokens).get("access_token").asText(),
                "id_token", Http.json(tokens).get("id_token").asText());
    }

    private static void assertError(HttpResponse<String> response, String description) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_request", Http.json(response).get("error").asText());
        assertEquals(description, Http.json(response).get("error_description").asText());
        assertFalse(response.body().contains("Exception"));
    }
}
