package io.github.kcauth0.tenant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.auth0.client.auth.AuthAPI;
import com.auth0.exception.APIException;
import com.auth0.json.auth.PushedAuthorizationResponse;
import com.auth0.json.auth.TokenHolder;
import com.auth0.utils.tokens.IdTokenVerifier;
import com.auth0.utils.tokens.SignatureVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.Jwks;
import io.github.kcauth0.support.Jwt;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.NodeScript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An Auth0 tenant file (src/test/resources/tenant/auth0-tenant.json, in the Management API's shapes, with a
 * global client, a system API, a wildcard callback, a connection two organizations share and fields the importer
 * does not know) imported into a fresh realm, which then serves the tenant's applications to Auth0's SDKs with
 * their original credentials.
 */
class TenantImportIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final Admin admin = new Admin(server);
    private static final String REALM = "tenant-it";

    static final String WEB_APP = "Wq8vXn2kLr5TgYh3Ab6Cd9Ef1Gh4Jk7L";
    static final String WEB_SECRET = "orders-web-SECRET-3f9a1c7e5b2d4f6a8c0e";
    static final String M2M_APP = "M2mB1ll1ngW0rk3rXy7Zq4Rt6Uv8Wx0Ab";
    static final String M2M_SECRET = "billing-worker-SECRET-9d8c7b6a5f4e3d2c1b";
    static final String PARTNER_APP = "Pr1v4t3K3yJwtP4rtn3rP0rt4lXyZ012";
    static final String ORDERS_API = "https://orders.example/api";
    static final String PAYMENTS_API = "https://payments.example/api";
    static final String ACME_ID = "org_W3bXn8kZ2pQ5rT7v";
    static final String CALLBACK = "https://app.example.com/callback";
    private static final List<String> SECRETS = List.of(WEB_SECRET, M2M_SECRET, "GLOBAL-CLIENT-SECRET-never-in-a-report-1",
            "api-explorer-SECRET-0a1b2c3d4e5f6a7b8c", "GOCSPX-google-SECRET-abcdef");

    private static JsonNode dryRun;
    private static JsonNode imported;
    private static String realmBeforeDryRun;
    private static String realmAfterDryRun;

    @BeforeAll
    static void importTheTenant() {
        createRealm(REALM);
        realmBeforeDryRun = realmState(REALM);
        dryRun = Http.json(Admin.require(200, importTenant(REALM, tenantFile().toString(), true)));
        realmAfterDryRun = realmState(REALM);
        imported = Http.json(Admin.require(200, importTenant(REALM, tenantFile().toString(), false)));
        createMember(REALM, "olivia", "olivia-password", ACME_ID);
    }

    @Test
    void dryRunAnswersTheImportsReportAndWritesNothing() {
        assertEquals(realmBeforeDryRun, realmAfterDryRun);
        assertTrue(dryRun.get("dry_run").asBoolean());
        assertFalse(imported.get("dry_run").asBoolean());
        for (String list : List.of("created", "updated", "unchanged", "skipped", "todo")) {
            assertEquals(imported.get(list), dryRun.get(list), list);
        }
    }

    @Test
    void importCreatesTheApplicationsAsAuth0HadThem() {
        JsonNode web = client(REALM, WEB_APP);
        assertEquals("Orders Web", web.get("name").asText());
        assertEquals(List.of(CALLBACK), texts(web.get("redirectUris")), "the wildcard callback is left out, not widened");
        assertEquals("https://app.example.com/logged-out", web.get("attributes").get("post.logout.redirect.uris").asText());
        assertEquals(List.of("https://app.example.com"), texts(web.get("webOrigins")));
        assertEquals("true", web.get("attributes").get("require.pushed.authorization.requests").asText());
        assertEquals("client-secret", web.get("clientAuthenticatorType").asText());
        assertFalse(web.get("publicClient").asBoolean());
        assertTrue(web.get("standardFlowEnabled").asBoolean());
        assertFalse(web.get("serviceAccountsEnabled").asBoolean());
        assertTrue(texts(web.get("optionalClientScopes")).containsAll(List.of(ORDERS_API, "read:orders", "write:orders", "organization")));
        assertEquals(WEB_SECRET, admin.get("/" + REALM + "/clients/" + web.get("id").asText() + "/client-secret").get("value").asText());

        JsonNode m2m = client(REALM, M2M_APP);
        assertTrue(m2m.get("serviceAccountsEnabled").asBoolean());
        assertFalse(m2m.get("standardFlowEnabled").asBoolean());

        JsonNode mobile = client(REALM, "N4t1v3Mob1l3Cl13nt0rd3rsAbCdEfGh");
        assertTrue(mobile.get("publicClient").asBoolean());

        JsonNode partner = client(REALM, PARTNER_APP);
        assertEquals("client-jwt", partner.get("clientAuthenticatorType").asText());
        assertEquals("PS256", partner.get("attributes").get("id.token.signed.response.alg").asText());
        assertTodo("private_key_jwt");
        assertTodo("https://*.preview.example.com/callback");
        assertTodo("device_code");
    }

    @Test
    void importSkipsTheGlobalClientTheSystemApiAndWhatKeycloakHasNoCounterpartFor() {
        assertSkipped("client", "qZ0hMbG2zT8wJcYVvYxN1rRr2tYxLk2P");
        assertSkipped("resource_server", "https://acme-prod.eu.auth0.com/api/v2/");
        assertSkipped("client_grant", "Ap1Expl0r3rAppl1c4t10nMgmtXyZ345 → https://acme-prod.eu.auth0.com/api/v2/");
        assertSkipped("connection", "Username-Password-Authentication");
        assertSkipped("connection", "sms");
        assertTodo("users of the database connection Username-Password-Authentication");
        assertTrue(admin.get("/" + REALM + "/clients?clientId=qZ0hMbG2zT8wJcYVvYxN1rRr2tYxLk2P").isEmpty());
        assertTrue(admin.send("GET", "/" + REALM + "/identity-provider/instances/sms", null).statusCode() == 404);
    }

    @Test
    void importMakesEachApiAClientScopeWithItsAudience() {
        JsonNode orders = clientScope(REALM, ORDERS_API);
        assertEquals("false", orders.get("attributes").get("include.in.token.scope").asText());
        JsonNode mapper = orders.get("protocolMappers").get(0);
        assertEquals("oidc-audience-mapper", mapper.get("protocolMapper").asText());
        assertEquals(ORDERS_API, mapper.get("config").get("included.custom.audience").asText());
        assertEquals("[{\"type\":\"payment_initiation\"}]",
                clientScope(REALM, PAYMENTS_API).get("attributes").get("auth0.authorization_details_types").asText());
        assertEquals("true", clientScope(REALM, "read:orders").get("attributes").get("include.in.token.scope").asText());
        assertTodo("Permission read:orders belongs to https://orders.example/api, https://payments.example/api");
    }

    @Test
    void importKeepsAuth0sOrganizationIdsAndLinksEachConnectionToOneOrganization() {
        JsonNode acme = admin.get("/" + REALM + "/organizations/" + ACME_ID);
        assertEquals("acme", acme.get("alias").asText());
        assertEquals("Acme Corp", acme.get("name").asText());
        assertEquals("gold", acme.get("attributes").get("tier").get(0).asText());
        assertEquals(List.of("google-oauth2"), aliases(admin.get("/" + REALM + "/organizations/" + ACME_ID + "/identity-providers")));
        assertEquals(List.of("corp-saml"), aliases(admin.get("/" + REALM + "/organizations/org_Q9mR4tY6uI8oP1aS/identity-providers")));
        assertSkipped("organization_connection", "globex → google-oauth2");

        JsonNode google = admin.get("/" + REALM + "/identity-provider/instances/google-oauth2");
        assertEquals("google", google.get("providerId").asText());
        assertTrue(google.get("enabled").asBoolean());
        JsonNode oidc = admin.get("/" + REALM + "/identity-provider/instances/corp-oidc");
        assertFalse(oidc.get("enabled").asBoolean(), "created disabled: Auth0's answer has no client_secret");
        assertEquals("https://login.corp.example/oauth/token", oidc.get("config").get("tokenUrl").asText());
        assertTodo("identity provider corp-oidc is disabled: the tenant file lacks options.client_secret");
    }

    @Test
    void noAnswerAndNoAdminEventHoldsAClientSecret() {
        JsonNode events = admin.get("/" + REALM + "/admin-events?operationTypes=ACTION&max=100");
        List<JsonNode> imports = new ArrayList<>();
        events.forEach(event -> {
            if (event.get("resourcePath").asText().contains("auth0/import")) {
                imports.add(event);
            }
        });
        assertFalse(imports.isEmpty(), "an admin event for the import: " + events);
        assertTrue(imports.stream().anyMatch(event -> event.get("representation").asText().contains("\"created\":[{")), imports.toString());
        assertTrue(imports.stream().noneMatch(event -> event.get("representation").asText().contains("\"dry_run\":true")), "no event for the dry run");
        for (String secret : SECRETS) {
            assertFalse(imported.toString().contains(secret), "the report holds a secret");
            assertFalse(dryRun.toString().contains(secret), "the dry run's report holds a secret");
            assertFalse(imports.toString().contains(secret), "an admin event holds a secret");
        }
    }

    @Test
    void reimportChangesNothingAndSaysSo() {
        JsonNode again = Http.json(Admin.require(200, importTenant(REALM, tenantFile().toString(), false)));

        assertFalse(again.get("changed").asBoolean(), again.toString());
        assertEquals(0, again.get("created").size());
        assertEquals(0, again.get("updated").size());
        assertTrue(again.get("summary").asText().startsWith("Nothing to change"));
    }

    @Test
    void changedInputUpdatesWhatTheImportCreatedAndLeavesTheRestAlone() {
        String realm = "tenant-it-change";
        createRealm(realm);
        ObjectNode handMade = Http.JSON.createObjectNode().put("clientId", PARTNER_APP).put("name", "made by hand");
        admin.post("/" + realm + "/clients", handMade);
        ObjectNode first = tenantFile();
        first.remove("organizations");
        Admin.require(200, importTenant(realm, first.toString(), false));

        ObjectNode changed = first.deepCopy();
        ObjectNode web = (ObjectNode) changed.get("clients").get(1);
        web.put("name", "Orders Web (renamed)");
        ((ArrayNode) web.get("callbacks")).add("https://app.example.com/callback2");
        JsonNode report = Http.json(Admin.require(200, importTenant(realm, changed.toString(), false)));

        assertTrue(report.get("changed").asBoolean());
        assertEquals(List.of(WEB_APP), keys(report.get("updated"), "client"));
        assertEquals("Orders Web (renamed)", client(realm, WEB_APP).get("name").asText());
        assertEquals(List.of(CALLBACK, "https://app.example.com/callback2"), texts(client(realm, WEB_APP).get("redirectUris")));
        assertEquals("made by hand", client(realm, PARTNER_APP).get("name").asText());
        assertTrue(keys(report.get("skipped"), "client").contains(PARTNER_APP));

        JsonNode withOrganizations = Http.json(Admin.require(200, importTenant(realm, tenantFile().toString(), false)));
        assertTrue(keys(withOrganizations.get("skipped"), "organization").containsAll(List.of("acme", "globex")),
                "organization ids are unique across realms: " + withOrganizations.get("skipped"));
    }

    @Test
    void invalidInputIsNamedAndNothingIsWritten() {
        String realm = "tenant-it-invalid";
        createRealm(realm);
        String before = realmState(realm);
        ObjectNode invalid = tenantFile();
        ((ObjectNode) invalid.get("connections").get(3).get("options")).put("signInEndpoint", 42);

        HttpResponse<String> response = importTenant(realm, invalid.toString(), false);

        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = Http.json(response);
        assertEquals("invalid_request", error.get("error").asText());
        assertEquals("Invalid tenant file: connections[3] (name \"corp-saml\") field signInEndpoint must be a string",
                error.get("error_description").asText());
        assertEquals(before, realmState(realm));

        ObjectNode noClientId = tenantFile();
        ((ObjectNode) noClientId.get("clients").get(2)).remove("client_id");
        JsonNode missing = Http.json(importTenant(realm, noClientId.toString(), false));
        assertEquals("Invalid tenant file: clients[2] (name \"Billing Worker\") field client_id is required",
                missing.get("error_description").asText());
        assertEquals(before, realmState(realm));

        assertEquals(400, importTenant(realm, "[]", false).statusCode());
        assertEquals(400, importTenant(realm, "{\"clients\": {}}", false).statusCode());
        assertEquals(before, realmState(realm));
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String large = "{\"clients\": [], \"padding\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}";

        HttpResponse<String> response = importTenant(REALM, large, false);

        assertEquals(413, response.statusCode());
        assertEquals("invalid_request", Http.json(response).get("error").asText());
    }

    @Test
    void onlyARealmAdministratorMayImport() {
        String realm = "tenant-it-access";
        createRealm(realm);
        String before = realmState(realm);
        createUser(realm, "viewer", "viewer-password", List.of("view-clients", "view-realm"));
        createUser(realm, "client-manager", "manager-password", List.of("manage-clients"));

        assertEquals(401, send(realm, tenantFile().toString(), null).statusCode());
        assertEquals(401, send(realm, tenantFile().toString(), "not-a-token").statusCode());
        assertEquals(403, send(realm, tenantFile().toString(), userToken(realm, "viewer", "viewer-password")).statusCode());
        assertEquals(403, send(realm, tenantFile().toString(), userToken(realm, "client-manager", "manager-password")).statusCode());
        assertEquals(before, realmState(realm));
    }

    /** The imported web application logs in through PAR with its Auth0 credentials, an API, a permission and an organization. */
    @Test
    void javaSdkLogsInThroughParWithTheImportedApplication() throws Exception {
        String domain = server.httpsDomain(REALM);
        String issuer = "https://" + domain + "/";
        AuthAPI auth = AuthAPI.newBuilder(domain, WEB_APP, WEB_SECRET).build();

        PushedAuthorizationResponse pushed = auth.pushedAuthorizationRequest(CALLBACK, "code", Map.of(
                "scope", "openid profile email read:orders", "audience", ORDERS_API, "organization", ACME_ID,
                "state", "import-state", "nonce", "import-nonce",
                "code_challenge", io.github.kcauth0.support.TestRealms.CODE_CHALLENGE, "code_challenge_method", "S256")).execute().getBody();
        URI callback = new Browser(server).login(auth.authorizeUrlWithPAR(pushed.getRequestURI()), "olivia", "olivia-password");
        TokenHolder tokens = auth.exchangeCodeWithVerifier(Auth0Domain.code(callback), io.github.kcauth0.support.TestRealms.CODE_VERIFIER, CALLBACK)
                .execute().getBody();

        SignatureVerifier keys = SignatureVerifier.forRS256(keyId -> Jwks.rsaKey(issuer + ".well-known/jwks.json", keyId));
        IdTokenVerifier.init(issuer, WEB_APP, keys).withOrganization(ACME_ID).build().verify(tokens.getIdToken(), "import-nonce");
        assertEquals(ACME_ID, Jwt.claims(tokens.getIdToken()).get("org_id"));
        Map<String, Object> access = Jwt.claims(tokens.getAccessToken());
        assertTrue(access.get("aud").toString().contains(ORDERS_API), access.toString());
        assertTrue(List.of(access.get("scope").toString().split(" ")).contains("read:orders"), access.toString());
    }

    @Test
    void nodeSdkLogsInThroughParWithTheImportedApplication() {
        Map<String, String> config = Map.of("domain", server.httpsDomain(REALM), "clientId", WEB_APP, "clientSecret", WEB_SECRET,
                "redirectUri", CALLBACK, "returnTo", "https://app.example.com/logged-out", "organization", ACME_ID,
                "audience", ORDERS_API, "scope", "openid profile email read:orders");
        JsonNode result;
        try (NodeScript sdk = NodeScript.start(server, "auth0-authentication-client.mjs", config)) {
            URI callback = new Browser(server).login(sdk.read("authorize").asText(), "olivia", "olivia-password");
            sdk.write("callback", callback.toString());
            result = sdk.result();
        }

        assertEquals(ACME_ID, result.get("idToken").get("org_id").asText(), result.toString());
        assertTrue(result.get("accessToken").get("aud").toString().contains(ORDERS_API), result.toString());
        assertTrue(List.of(result.get("accessToken").get("scope").asText().split(" ")).contains("read:orders"), result.toString());
    }

    @Test
    void pushWithoutParIsRefusedAsAuth0RequiredPar() {
        String url = server.domain(REALM) + "/authorize?" + Http.encode(Map.of("client_id", WEB_APP, "response_type", "code",
                "redirect_uri", CALLBACK, "scope", "openid"));
        HttpResponse<String> response = Http.get(url);
        String location = response.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith(CALLBACK) && location.contains("error=invalid_request"), response.statusCode() + " " + location);
    }

    @Test
    void javaSdkGetsAClientCredentialsTokenWithTheGrantedPermissions() throws Exception {
        AuthAPI auth = AuthAPI.newBuilder(server.domain(REALM), M2M_APP, M2M_SECRET).build();

        TokenHolder token = auth.requestToken(ORDERS_API).execute().getBody();

        Map<String, Object> access = Jwt.claims(token.getAccessToken());
        assertTrue(access.get("aud").toString().contains(ORDERS_API), access.toString());
        List<String> scope = List.of(token.getScope().split(" "));
        assertTrue(scope.contains("read:orders"), token.getScope());
        assertFalse(scope.contains("write:orders"), token.getScope());
        assertEquals("Bearer", token.getTokenType());

        APIException denied = assertThrows(APIException.class, () -> auth.requestToken(PAYMENTS_API).execute());
        assertEquals(403, denied.getStatusCode());
        assertEquals("access_denied", denied.getError());
    }

    @Test
    void clientCredentialsNeedAnAudienceAndAnAuthenticatedClient() {
        String tokenUrl = server.domain(REALM) + "/oauth/token";
        HttpResponse<String> noAudience = Http.postForm(tokenUrl, Http.form("grant_type", "client_credentials",
                "client_id", M2M_APP, "client_secret", M2M_SECRET));
        assertEquals(403, noAudience.statusCode(), noAudience.body());
        assertEquals("access_denied", Http.json(noAudience).get("error").asText());

        HttpResponse<String> wrongSecret = Http.postForm(tokenUrl, Http.form("grant_type", "client_credentials",
                "client_id", M2M_APP, "client_secret", "wrong", "audience", PAYMENTS_API));
        assertEquals(401, wrongSecret.statusCode(), wrongSecret.body());
        assertEquals("invalid_client", Http.json(wrongSecret).get("error").asText());
    }

    @Test
    void nodeSdkGetsAClientCredentialsToken() {
        Map<String, String> config = Map.of("domain", server.httpsDomain(REALM), "clientId", M2M_APP, "clientSecret", M2M_SECRET,
                "audience", ORDERS_API, "otherAudience", PAYMENTS_API);
        JsonNode result;
        try (NodeScript sdk = NodeScript.start(server, "auth0-client-credentials.mjs", config)) {
            result = sdk.result();
        }

        assertEquals("Bearer", result.get("tokenType").asText());
        assertTrue(result.get("accessToken").get("aud").toString().contains(ORDERS_API), result.toString());
        assertTrue(List.of(result.get("scope").asText().split(" ")).contains("read:orders"), result.toString());
        assertEquals(403, result.get("refused").get("status").asInt(), result.toString());
        assertEquals("access_denied", result.get("refused").get("error").asText(), result.toString());
    }

    // ---- helpers

    static ObjectNode tenantFile() {
        try (InputStream file = TenantImportIT.class.getResourceAsStream("/tenant/auth0-tenant.json")) {
            return (ObjectNode) Http.JSON.readTree(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> importTenant(String realm, String body, boolean dryRun) {
        return admin.send("POST", "/" + realm + "/auth0/import" + (dryRun ? "?dry_run=true" : ""), body);
    }

    private static HttpResponse<String> send(String realm, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms/" + realm + "/auth0/import"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Http.send(request.build());
    }

    static void createRealm(String realm) {
        ObjectNode representation = Http.JSON.createObjectNode().put("realm", realm).put("enabled", true)
                .put("adminEventsEnabled", true).put("adminEventsDetailsEnabled", true);
        representation.putObject("attributes").put("auth0-par.enabled", "true");
        admin.post("", representation);
    }

    /** The realm as the Admin REST API shows it: its clients, client scopes, organizations and identity providers. */
    static String realmState(String realm) {
        boolean organizations = admin.get("/" + realm).get("organizationsEnabled").asBoolean();
        return List.of(admin.get("/" + realm + "/clients"), admin.get("/" + realm + "/client-scopes"),
                organizations ? admin.get("/" + realm + "/organizations?briefRepresentation=false") : "organizations off",
                admin.get("/" + realm + "/identity-provider/instances")).toString();
    }

    private static void createMember(String realm, String username, String password, String organizationId) {
        String userId = createUser(realm, username, password, List.of());
        admin.post("/" + realm + "/organizations/" + organizationId + "/members", "\"" + userId + "\"");
    }

    private static String createUser(String realm, String username, String password, List<String> realmManagementRoles) {
        ObjectNode user = Http.JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("email", username + "@example.com").put("emailVerified", true).put("firstName", username).put("lastName", "Example");
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        admin.post("/" + realm + "/users", user);
        String userId = admin.get("/" + realm + "/users?exact=true&username=" + username).get(0).get("id").asText();
        if (!realmManagementRoles.isEmpty()) {
            String realmManagement = admin.clientUuid(realm, "realm-management");
            ArrayNode roles = Http.JSON.createArrayNode();
            realmManagementRoles.forEach(role -> roles.add(admin.get("/" + realm + "/clients/" + realmManagement + "/roles/" + role)));
            Admin.require(204, admin.send("POST", "/" + realm + "/users/" + userId + "/role-mappings/clients/" + realmManagement, roles));
        }
        return userId;
    }

    private static String userToken(String realm, String username, String password) {
        HttpResponse<String> response = Admin.require(200, Http.postForm(server.domain(realm) + "/protocol/openid-connect/token",
                Http.form("grant_type", "password", "client_id", "admin-cli", "username", username, "password", password)));
        return Http.json(response).get("access_token").asText();
    }

    private static JsonNode client(String realm, String clientId) {
        return admin.get("/" + realm + "/clients/" + admin.clientUuid(realm, clientId));
    }

    private static JsonNode clientScope(String realm, String name) {
        for (JsonNode scope : admin.get("/" + realm + "/client-scopes")) {
            if (scope.get("name").asText().equals(name)) {
                return scope;
            }
        }
        throw new AssertionError("no client scope " + name);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static List<String> aliases(JsonNode identityProviders) {
        List<String> aliases = new ArrayList<>();
        identityProviders.forEach(provider -> aliases.add(provider.get("alias").asText()));
        return aliases;
    }

    private static List<String> keys(JsonNode lines, String type) {
        List<String> keys = new ArrayList<>();
        lines.forEach(line -> {
            if (line.get("type").asText().equals(type)) {
                keys.add(line.get("key").asText());
            }
        });
        return keys;
    }

    private static void assertSkipped(String type, String key) {
        assertTrue(keys(imported.get("skipped"), type).contains(key), "skipped " + type + " " + key + " in " + imported.get("skipped"));
    }

    private static void assertTodo(String part) {
        for (JsonNode todo : imported.get("todo")) {
            if (todo.asText().contains(part)) {
                return;
            }
        }
        throw new AssertionError("no todo line with " + part + " in " + imported.get("todo"));
    }

    static {
        assertNotNull(server);
    }
}
