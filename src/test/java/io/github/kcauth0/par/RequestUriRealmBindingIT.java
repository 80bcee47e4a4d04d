package io.github.kcauth0.par;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request_uri is honoured only in the realm and for the client that pushed it: two realms on one server, each
 * with its own client {@code app}, as two tenants would have.
 */
class RequestUriRealmBindingIT {

    private static final String A = "binding-a";
    private static final String B = "binding-b";
    private static final String NOT_HONOURED = "This sign-in link is no longer valid";
    private static final String BINDING_EXECUTOR = "pushed-request-realm-binding";

    private static final KeycloakServer server = KeycloakServer.get();
    private static final Admin admin = new Admin(server);
    private final Auth0Domain realmA = new Auth0Domain(server, A);
    private final Auth0Domain realmB = new Auth0Domain(server, B);

    @BeforeAll
    static void createTwoTenants() {
        createRealm(A, "a-secret", "ann");
        createRealm(B, "b-secret", "bob");
    }

    @AfterAll
    static void deleteTenants() {
        Admin.require(204, admin.send("DELETE", "/" + A, null));
        Admin.require(204, admin.send("DELETE", "/" + B, null));
    }

    @Test
    void requestUriPushedInRealmAIsRefusedAtRealmBsAuthorizeAndStillUsableInA() {
        String requestUri = realmA.requestUri(request("a-secret"));

        HttpResponse<String> inB = new Browser(server).open(realmB.authorizeUrl("app", requestUri));
        assertCannotBeUsed(inB);

        URI callback = new Browser(server).login(realmA.authorizeUrl("app", requestUri), "ann", "ann-password");
        assertEquals("state-of-a", Browser.queryParameters(callback).get("state"), callback.toString());
        assertEquals(200, realmA.redeem("app", "a-secret", Auth0Domain.code(callback)).statusCode());
    }

    @Test
    void requestUriUsedWithAnotherClientOfTheRealmIsRefusedAndStillUsableByItsOwn() {
        String requestUri = realmA.requestUri(request("a-secret"));

        assertCannotBeUsed(new Browser(server).open(realmA.authorizeUrl("other-app", requestUri)));

        assertTrue(Browser.isLoginPage(new Browser(server).open(realmA.authorizeUrl("app", requestUri))));
    }

    @Test
    void withTheExecutorKeycloaksOwnEndpointRefusesARequestUriPushedInAnotherRealm() {
        enableBindingExecutor(A);
        enableBindingExecutor(B);
        try {
            String requestUri = pushToKeycloak(A, request("a-secret"));

            HttpResponse<String> inB = new Browser(server).open(realmB.authorizationUrl("app", requestUri));
            assertRefused(inB);

            assertTrue(Browser.isLoginPage(new Browser(server).open(realmA.authorizationUrl("app", requestUri))));
        } finally {
            disableClientPolicies(A);
            disableClientPolicies(B);
        }
    }

    /** The pushing realm's administrator turned nothing on, and tries to write the binding of realm B himself. */
    @Test
    void withTheExecutorOnlyWhereTheRequestIsUsedARequestWithoutAValidBindingIsRefused() {
        enableBindingExecutor(B);
        try {
            Map<String, String> forged = request("a-secret");
            forged.put(PushedRequestBinding.PARAMETER, forgedBindingOf(B));
            String requestUri = pushToKeycloak(A, forged);

            assertRefused(new Browser(server).open(realmB.authorizationUrl("app", requestUri)));
            assertCannotBeUsed(new Browser(server).open(realmB.authorizeUrl("app", requestUri)));
        } finally {
            disableClientPolicies(B);
        }
    }

    @Test
    void withTheExecutorARequestPushedWithHttpBasicAndNoClientIdIsBoundToItsClient() {
        enableBindingExecutor(A);
        try {
            Map<String, String> form = request("a-secret");
            form.remove("client_id");
            form.remove("client_secret");
            String basic = Base64.getEncoder().encodeToString("app:a-secret".getBytes(StandardCharsets.UTF_8));
            String requestUri = pushToKeycloak(A, form, "Authorization", "Basic " + basic);

            assertRefused(new Browser(server).open(realmA.authorizationUrl("other-app", requestUri)));
            assertTrue(Browser.isLoginPage(new Browser(server).open(realmA.authorizationUrl("app", requestUri))));
        } finally {
            disableClientPolicies(A);
        }
    }

    @Test
    void withTheExecutorARequestPushedToTheExtensionIsHonouredByKeycloaksOwnEndpoint() {
        enableBindingExecutor(A);
        try {
            String requestUri = realmA.requestUri(request("a-secret"));

            assertTrue(Browser.isLoginPage(new Browser(server).open(realmA.authorizationUrl("app", requestUri))));
        } finally {
            disableClientPolicies(A);
        }
    }

    /** A binding of realm B and its app as the extension writes one, under a key made up by realm A's administrator. */
    private static String forgedBindingOf(String realm) {
        String realmId = admin.get("/" + realm).get("id").asText();
        long expiry = System.currentTimeMillis() / 1000 + 60;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("a key made up by realm A's administrator".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String input = realmId.length() + ":" + realmId + "3:app" + expiry;
            return expiry + "." + base64Url(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> request(String secret) {
        return new LinkedHashMap<>(Http.form("client_id", "app", "client_secret", secret,
                "response_type", "code", "redirect_uri", CALLBACK, "scope", "openid", "state", "state-of-a",
                "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256"));
    }

    /** Keycloak's own PAR endpoint, as a client that does not use the extension pushes. */
    private static String pushToKeycloak(String realm, Map<String, String> form, String... headers) {
        HttpResponse<String> pushed = Http.postForm(server.domain(realm) + "/protocol/openid-connect/ext/par/request", form, headers);
        assertEquals(201, pushed.statusCode(), pushed.body());
        return Http.json(pushed).get("request_uri").asText();
    }

    /** What README's Security section tells an administrator to do: a profile with the executor, for any client. */
    private static void enableBindingExecutor(String realm) {
        admin.put("/" + realm + "/client-policies/profiles", Http.JSON.createObjectNode().set("profiles",
                Http.JSON.createArrayNode().add(Http.JSON.createObjectNode().put("name", "request-uri-binding")
                        .set("executors", Http.JSON.createArrayNode().add(Http.JSON.createObjectNode()
                                .put("executor", BINDING_EXECUTOR).set("configuration", Http.JSON.createObjectNode()))))));
        ObjectNode policy = Http.JSON.createObjectNode().put("name", "request-uri-binding").put("enabled", true);
        policy.putArray("conditions").addObject().put("condition", "any-client").putObject("configuration");
        policy.putArray("profiles").add("request-uri-binding");
        admin.put("/" + realm + "/client-policies/policies",
                Http.JSON.createObjectNode().set("policies", Http.JSON.createArrayNode().add(policy)));
    }

    private static void disableClientPolicies(String realm) {
        ObjectNode noPolicies = Http.JSON.createObjectNode();
        noPolicies.putArray("policies");
        admin.put("/" + realm + "/client-policies/policies", noPolicies);
        ObjectNode noProfiles = Http.JSON.createObjectNode();
        noProfiles.putArray("profiles");
        admin.put("/" + realm + "/client-policies/profiles", noProfiles);
    }

    /** The extension's page: the request cannot be used, and the user is neither asked to log in nor sent back. */
    private static void assertCannotBeUsed(HttpResponse<String> page) {
        assertRefused(page);
        assertTrue(page.body().contains(NOT_HONOURED), page.body());
    }

    private static void assertRefused(HttpResponse<String> page) {
        assertEquals(400, page.statusCode(), page.body());
        assertFalse(Browser.isLoginPage(page), "no login form");
        assertTrue(page.headers().firstValue("Location").isEmpty(), "no redirect back to the application");
    }

    private static void createRealm(String name, String secret, String user) {
        ObjectNode realm = Http.JSON.createObjectNode().put("realm", name).put("enabled", true);
        realm.putObject("attributes").put("auth0-par.enabled", "true");
        realm.putArray("clients").add(client("app", secret)).add(client("other-app", "other-secret"));
        ObjectNode account = realm.putArray("users").addObject().put("username", user).put("enabled", true)
                .put("email", user + "@example.com").put("emailVerified", true)
                .put("firstName", user).put("lastName", name);
        account.putArray("credentials").addObject().put("type", "password").put("value", user + "-password")
                .put("temporary", false);
        admin.post("", realm);
    }

    private static ObjectNode client(String clientId, String secret) {
        ObjectNode client = Http.JSON.createObjectNode().put("clientId", clientId).put("secret", secret);
        client.putArray("redirectUris").add(CALLBACK);
        return client;
    }
}
