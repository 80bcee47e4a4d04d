package io.github.kcauth0.rar;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.auth0.client.auth.AuthAPI;
import com.auth0.exception.APIException;
import com.auth0.json.auth.PushedAuthorizationResponse;
import com.auth0.json.auth.TokenHolder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.ClientKeys;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import io.github.kcauth0.support.NodeScript;
import io.github.kcauth0.support.PushedRequestStore;
import io.github.kcauth0.support.RequestMarkup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.kcauth0.support.TestRealms.API;
import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;
import static io.github.kcauth0.support.TestRealms.CODE_VERIFIER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rich Authorization Requests (RFC 9396) as Auth0 serves them, in a realm of its own whose API registers
 * {@code payment_initiation} the way an administrator does it: one attribute set on the API's client scope through
 * the Admin REST API, nothing else. The details are pushed by real clients, carried through the real login and
 * given back whole by both token endpoints.
 */
class RichAuthorizationRequestsIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final String REALM = "rar-it";
    private static final Auth0Domain domain = new Auth0Domain(server, REALM);
    private static final Admin admin = new Admin(server);
    private static final ClientKeys jarKeys = ClientKeys.generate();
    private static final PushedRequestStore store = new PushedRequestStore(server);

    private static final String APP = "payments-app";
    private static final String SECRET = "payments-secret";
    private static final String JAR_APP = "jar-payments-app";
    private static final String JAR_SECRET = "jar-payments-secret";
    /** Keycloak 26.7's authorization endpoint refuses an API's type inside a request object before it can be moved. */
    private static final String NOT_INSIDE_ON_THIS_RELEASE = "authorization_details type \"payment_initiation\" cannot be carried "
            + "inside a request object on this Keycloak release; send the authorization_details parameter beside it";
    /** A value no answer and no page may repeat: only the type is named. */
    private static final String IBAN = "DE89370400440532013000";
    private static final List<Map<String, Object>> PAYMENT = List.of(Map.of("type", "payment_initiation",
            "locations", List.of("https://api.example.com/payments"),
            "instructedAmount", Map.of("currency", "EUR", "amount", "123.50"),
            "creditorName", "Merchant A", "creditorAccount", Map.of("iban", IBAN)));

    @BeforeAll
    static void createRealm() {
        if (!admin.get("").findValuesAsText("realm").contains(REALM)) {
            ObjectNode realm = Http.JSON.createObjectNode().put("realm", REALM).put("enabled", true);
            realm.putObject("attributes").put("auth0-par.enabled", "true");
            realm.putArray("clients").add(client(APP, SECRET)).add(client(JAR_APP, JAR_SECRET));
            TestRealms.addUser(realm, "alice");
            admin.post("", realm);
            String api = createApi();
            for (String clientId : List.of(APP, JAR_APP)) {
                admin.put("/" + REALM + "/clients/" + admin.clientUuid(REALM, clientId) + "/optional-client-scopes/" + api, null);
            }
        }
        jarKeys.registerWith(admin, REALM, JAR_APP);
    }

    /** README's Security section: Keycloak's own authorization endpoint runs the extension's executor. */
    private static void enableBindingExecutor() {
        admin.put("/" + REALM + "/client-policies/profiles", Http.JSON.createObjectNode().set("profiles",
                Http.JSON.createArrayNode().add(Http.JSON.createObjectNode().put("name", "request-uri-binding")
                        .set("executors", Http.JSON.createArrayNode().add(Http.JSON.createObjectNode()
                                .put("executor", "pushed-request-realm-binding").set("configuration", Http.JSON.createObjectNode()))))));
        ObjectNode policy = Http.JSON.createObjectNode().put("name", "request-uri-binding").put("enabled", true);
        policy.putArray("conditions").addObject().put("condition", "any-client").putObject("configuration");
        policy.putArray("profiles").add("request-uri-binding");
        admin.put("/" + REALM + "/client-policies/policies",
                Http.JSON.createObjectNode().set("policies", Http.JSON.createArrayNode().add(policy)));
    }

    private static void disableClientPolicies() {
        admin.put("/" + REALM + "/client-policies/policies", Http.JSON.createObjectNode().set("policies", Http.JSON.createArrayNode()));
        admin.put("/" + REALM + "/client-policies/profiles", Http.JSON.createObjectNode().set("profiles", Http.JSON.createArrayNode()));
    }

    @Test
    void settingTheTypesOnTheApisScopeAddsTheMapperThatGivesThemBack() {
        String api = apiScope().get("id").asText();

        JsonNode mappers = admin.get("/" + REALM + "/client-scopes/" + api + "/protocol-mappers/models");

        assertTrue(mappers.findValuesAsText("protocolMapper").contains("auth0-authorization-details-mapper"), mappers.toString());
    }

    /**
     * Auth0's Java SDK pushes a payment with {@code pushedAuthorizationRequest(…, authorizationDetails)}; after the
     * login, {@code /oauth/token} answers the details whole and the access token carries them, also after refresh.
     */
    @Test
    void auth0JavaSdkPushesAPaymentThatComesBackWholeInTheAnswerAndTheAccessToken() throws Exception {
        AuthAPI auth = AuthAPI.newBuilder(server.domain(REALM), APP, SECRET).build();
        PushedAuthorizationResponse pushed = auth.pushedAuthorizationRequest(CALLBACK, "code", Map.of(
                "scope", "openid", "state", "rar-state", "audience", API,
                "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256"), PAYMENT).execute().getBody();

        // login
        URI callback = new Browser(server).login(auth.authorizeUrlWithPAR(pushed.getRequestURI()), "alice", "alice-password");

        // token request, as the SDK's exchangeCodeWithVerifier sends it (its TokenHolder has no field for the details)
        HttpResponse<String> tokens = domain.redeem(APP, SECRET, Auth0Domain.code(callback));
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals(payment(), Http.json(tokens).get("authorization_details"));
        assertEquals(payment(), accessTokenClaims(Http.json(tokens).get("access_token").asText()).get("authorization_details"));

        // refresh, through the SDK and as it sends it
        TokenHolder renewed = auth.renewAuth(Http.json(tokens).get("refresh_token").asText()).execute().getBody();
        assertEquals(payment(), accessTokenClaims(renewed.getAccessToken()).get("authorization_details"));
        HttpResponse<String> refreshed = Http.postForm(domain.tokenUrl(), Http.form("grant_type", "refresh_token",
                "client_id", APP, "client_secret", SECRET, "refresh_token", renewed.getRefreshToken()));
        assertEquals(payment(), Http.json(refreshed).get("authorization_details"), refreshed.body());
    }

    /** A discovery-based application (openid-client 6) pushes to /oauth/par and redeems at Keycloak's token endpoint. */
    @Test
    void openIdClientPushesTheDetailsAndGetsThemFromKeycloaksTokenEndpoint() throws Exception {
        Map<String, String> config = Map.of("domain", server.httpsDomain(REALM), "clientId", APP, "clientSecret", SECRET,
                "redirectUri", CALLBACK, "audience", API, "authorizationDetails", Http.JSON.writeValueAsString(PAYMENT));
        JsonNode result;
        try (NodeScript openIdClient = NodeScript.start(server, "openid-client.mjs", config)) {
            URI callback = new Browser(server).login(openIdClient.read("authorize").asText(), "alice", "alice-password");
            openIdClient.write("callback", callback.toString());
            result = openIdClient.result();
        }

        assertTrue(result.get("metadata").get("token_endpoint").asText().endsWith("/protocol/openid-connect/token"), result.toString());
        assertEquals(payment(), result.get("authorizationDetails"), result.toString());
        assertEquals(payment(), result.get("accessToken").get("authorization_details"), result.toString());
    }

    /** Keycloak's own authorization and token endpoints with a request pushed to /oauth/par: the field once, whole. */
    @Test
    void keycloaksOwnEndpointsCarryAndAnswerTheDetailsOnce() throws Exception {
        String requestUri = domain.requestUri(request("authorization_details", Http.JSON.writeValueAsString(PAYMENT), "audience", API));
        URI callback = new Browser(server).login(domain.authorizationUrl(APP, requestUri), "alice", "alice-password");

        HttpResponse<String> tokens = Http.postForm(domain.keycloakTokenUrl(), Http.form("grant_type", "authorization_code",
                "client_id", APP, "client_secret", SECRET, "code", Auth0Domain.code(callback), "redirect_uri", CALLBACK,
                "code_verifier", CODE_VERIFIER));

        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals(1, tokens.body().split("\"authorization_details\"", -1).length - 1, tokens.body());
        assertEquals(payment(), Http.json(tokens).get("authorization_details"));
        assertEquals(payment(), accessTokenClaims(Http.json(tokens).get("access_token").asText()).get("authorization_details"));
    }

    /**
     * A client that sends the extension's carrying parameter straight to Keycloak's own PAR endpoint, past every
     * check: a type the API does not register is never given back as granted.
     */
    @Test
    void detailsThatPassedNoCheckAreNotGivenBack() throws Exception {
        Map<String, String> form = new LinkedHashMap<>(request("scope", "openid " + API));
        form.put(CarriedAuthorizationDetails.PARAMETER, "[{\"type\":\"account_information\",\"accounts\":\"all\"}]");
        HttpResponse<String> pushed = Http.postForm(server.domain(REALM) + "/protocol/openid-connect/ext/par/request", form);
        assertEquals(201, pushed.statusCode(), pushed.body());
        URI callback = new Browser(server).login(domain.authorizationUrl(APP, Http.json(pushed).get("request_uri").asText()),
                "alice", "alice-password");

        HttpResponse<String> tokens = domain.redeem(APP, SECRET, Auth0Domain.code(callback));

        assertEquals(200, tokens.statusCode(), tokens.body());
        assertFalse(tokens.body().contains("authorization_details"), tokens.body());
        assertFalse(accessTokenClaims(Http.json(tokens).get("access_token").asText()).has("authorization_details"));
    }

    /** /authorize without a push takes them as /oauth/par does. */
    @Test
    void authorizeWithoutAPushCarriesTheDetailsToo() throws Exception {
        Map<String, String> query = request("authorization_details", Http.JSON.writeValueAsString(PAYMENT), "audience", API);
        query.remove("client_secret");
        URI callback = new Browser(server).login(domain.authorizeUrl(query), "alice", "alice-password");

        HttpResponse<String> tokens = domain.redeem(APP, SECRET, Auth0Domain.code(callback));

        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals(payment(), accessTokenClaims(Http.json(tokens).get("access_token").asText()).get("authorization_details"));
    }

    /** Each rejection: the same error at /oauth/par (JSON) and at /authorize without a push (a page without the values). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejectedAtBothEntryPoints(String name, Map<String, String> parameters, String description, String pageDescription) {
        HttpResponse<String> pushed = domain.push(request(parameters));
        assertEquals(400, pushed.statusCode(), pushed.body());
        assertEquals("invalid_authorization_details", Http.json(pushed).get("error").asText(), pushed.body());
        assertEquals(description, Http.json(pushed).get("error_description").asText(), pushed.body());
        assertFalse(pushed.body().contains(IBAN), pushed.body());

        Map<String, String> query = request(parameters);
        query.remove("client_secret");
        HttpResponse<String> page = new Browser(server).open(domain.authorizeUrl(query));
        assertEquals(400, page.statusCode(), page.body());
        assertTrue(RequestMarkup.text(page).contains("cannot be processed (" + pageDescription + ")"), RequestMarkup.text(page));
        assertFalse(page.body().contains(IBAN) || page.body().contains("account_information"), page.body());
    }

    static Stream<Arguments> rejections() {
        String tooMany = "[" + String.join(",", Collections.nCopies(11, "{\"type\":\"payment_initiation\"}")) + "]";
        String unregistered = "[{\"type\":\"account_information\",\"accounts\":[{\"iban\":\"" + IBAN + "\"}]}]";
        return Stream.of(
                rejection("a type the API does not register", unregistered, API,
                        "authorization_details type \"account_information\" is not registered on the API",
                        "authorization_details type not registered on the API"),
                rejection("not an array", "{\"type\":\"payment_initiation\"}", API, "authorization_details must be a JSON array of objects"),
                rejection("not JSON", "payment_initiation", API, "authorization_details must be a JSON array of objects"),
                rejection("an object without a type", "[{\"creditorAccount\":{\"iban\":\"" + IBAN + "\"}}]", API,
                        "each authorization_details object must have a string type"),
                rejection("more than 10 objects", tooMany, API, "authorization_details has 11 objects; at most 10 are allowed"),
                rejection("no audience", "[{\"type\":\"payment_initiation\"}]", null,
                        "authorization_details needs an audience: the API that registers its types"));
    }

    private static Arguments rejection(String name, String details, String audience, String description) {
        return rejection(name, details, audience, description, description);
    }

    private static Arguments rejection(String name, String details, String audience, String description, String pageDescription) {
        Map<String, String> parameters = new LinkedHashMap<>(Map.of("authorization_details", details));
        if (audience != null) {
            parameters.put("audience", audience);
        }
        return Arguments.of(name, parameters, description, pageDescription);
    }

    /** Longer than Keycloak keeps with a login (add-req-params-max-size, 8,000 on the test server), within the 10 KB form. */
    @Test
    void detailsLongerThanKeycloakKeepsAreRefusedAtThePushWithTheLimit() throws Exception {
        String details = Http.JSON.writeValueAsString(List.of(Map.of("type", "payment_initiation", "remittanceInformation", "x".repeat(8100))));

        HttpResponse<String> pushed = domain.push(request("authorization_details", details, "audience", API));

        assertEquals(400, pushed.statusCode(), pushed.body());
        assertEquals("invalid_authorization_details", Http.json(pushed).get("error").asText());
        assertEquals("authorization_details is " + details.length() + " characters long; this server keeps at most 8000 with a "
                + "login (Keycloak's add-req-params-max-size)", Http.json(pushed).get("error_description").asText());
    }

    @Test
    void aClientThatFailsToAuthenticateLearnsNothingOfTheApisTypes() {
        Map<String, String> form = request("authorization_details", "[{\"type\":\"account_information\"}]", "audience", API);
        form.put("client_secret", "wrong");

        HttpResponse<String> pushed = domain.push(form);

        assertEquals(401, pushed.statusCode(), pushed.body());
        assertEquals("invalid_client", Http.json(pushed).get("error").asText());
    }

    /**
     * Inside a signed request object pushed with Auth0's SDK ({@code pushedAuthorizationRequestWithJAR(request)}):
     * Keycloak 26.4 and 26.5 keep the claim, and the details come back whole after the login. Keycloak 26.7 refuses
     * an API's type as soon as it reads the object, so the push is refused first, saying what to do.
     */
    @Test
    void detailsInsideAPushedSignedRequestObject() throws Exception {
        AuthAPI auth = AuthAPI.newBuilder(server.domain(REALM), JAR_APP, JAR_SECRET).build();
        String requestObject = requestObjectFor(API, PAYMENT);
        if (!server.isOlderThan(26, 7)) {
            APIException rejected = assertThrows(APIException.class, () -> auth.pushedAuthorizationRequestWithJAR(requestObject).execute());
            assertEquals(400, rejected.getStatusCode());
            assertEquals("invalid_authorization_details", rejected.getError());
            assertEquals(NOT_INSIDE_ON_THIS_RELEASE, rejected.getDescription());
            return;
        }
        PushedAuthorizationResponse pushed = auth.pushedAuthorizationRequestWithJAR(requestObject).execute().getBody();

        URI callback = new Browser(server).login(auth.authorizeUrlWithPAR(pushed.getRequestURI()), "alice", "alice-password");

        assertDetailsComeBack(domain.redeem(JAR_APP, JAR_SECRET, Auth0Domain.code(callback)));
    }

    /** The same object at /authorize without a push; on 26.4 and 26.5, carried. */
    @Test
    void detailsInsideASignedRequestObjectAtAuthorizeWithoutAPush() throws Exception {
        String url = domain.authorizeUrl(Http.form("client_id", JAR_APP, "request", requestObjectFor(API, PAYMENT)));
        if (!server.isOlderThan(26, 7)) {
            HttpResponse<String> page = new Browser(server).open(url);
            assertEquals(400, page.statusCode(), page.body());
            assertTrue(RequestMarkup.text(page).contains("An API's authorization_details type cannot be carried inside a request "
                    + "object on this Keycloak release"), RequestMarkup.text(page));
            return;
        }
        URI callback = new Browser(server).login(url, "alice", "alice-password");

        assertDetailsComeBack(domain.redeem(JAR_APP, JAR_SECRET, Auth0Domain.code(callback)));
    }

    /**
     * Keycloak's own authorization endpoint, in a realm without the extension's client policy: carried too on 26.4
     * and 26.5; on 26.7, which refuses such a type once it has read the object, the push is refused up front.
     */
    @Test
    void keycloaksOwnAuthorizationEndpointCarriesDetailsInsideAPushedSignedRequestObject() throws Exception {
        Map<String, String> push = Http.form("client_id", JAR_APP, "client_secret", JAR_SECRET, "request", requestObjectFor(API, PAYMENT));
        if (!server.isOlderThan(26, 7)) {
            HttpResponse<String> refused = domain.push(push);
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals(NOT_INSIDE_ON_THIS_RELEASE, Http.json(refused).get("error_description").asText());
            return;
        }
        String requestUri = domain.requestUri(push);

        URI callback = new Browser(server).login(domain.authorizationUrl(JAR_APP, requestUri), "alice", "alice-password");

        assertDetailsComeBack(domain.redeem(JAR_APP, JAR_SECRET, Auth0Domain.code(callback)));
    }

    /** An unregistered type inside a request object: refused at both entry points, naming only the type. */
    @Test
    void anUnregisteredTypeInsideARequestObjectIsRefusedAtBothEntryPoints() {
        String requestObject = requestObjectFor(API, List.of(Map.of("type", "account_information", "accounts", List.of(Map.of("iban", IBAN)))));
        boolean checked = server.isOlderThan(26, 7);
        long writesBefore = store.writes();

        HttpResponse<String> pushed = domain.push(Http.form("client_id", JAR_APP, "client_secret", JAR_SECRET, "request", requestObject));
        assertEquals(0, store.writes() - writesBefore, "nothing stored");
        assertEquals(400, pushed.statusCode(), pushed.body());
        assertEquals("invalid_authorization_details", Http.json(pushed).get("error").asText(), pushed.body());
        assertEquals(checked ? "authorization_details type \"account_information\" is not registered on the API"
                : NOT_INSIDE_ON_THIS_RELEASE.replace("payment_initiation", "account_information"), Http.json(pushed).get("error_description").asText());
        assertFalse(pushed.body().contains(IBAN), pushed.body());

        HttpResponse<String> page = new Browser(server).open(domain.authorizeUrl(Http.form("client_id", JAR_APP, "request", requestObject)));
        assertEquals(400, page.statusCode(), page.body());
        assertTrue(RequestMarkup.text(page).contains(checked ? "authorization_details type not registered on the API"
                : "An API's authorization_details type cannot be carried inside a request object"), RequestMarkup.text(page));
        assertFalse(page.body().contains(IBAN) || page.body().contains("account_information"), page.body());
    }

    /** The name checked details travel under is no claim of a request object, where nothing would check it. */
    @Test
    void theCarriedNameIsRefusedInsideARequestObject() {
        String requestObject = jarKeys.requestObject(Map.of("client_id", JAR_APP, "iss", JAR_APP, "aud", server.domain(REALM) + "/",
                "response_type", "code", "redirect_uri", CALLBACK, "scope", "openid " + API,
                "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256",
                CarriedAuthorizationDetails.PARAMETER, "[{\"type\":\"account_information\"}]"));

        HttpResponse<String> pushed = domain.push(Http.form("client_id", JAR_APP, "client_secret", JAR_SECRET, "request", requestObject));

        assertEquals(400, pushed.statusCode(), pushed.body());
        assertEquals("invalid_request_object", Http.json(pushed).get("error").asText(), pushed.body());
        assertEquals("Invalid request object: \"auth0_authorization_details\" is not a request parameter; send authorization_details",
                Http.json(pushed).get("error_description").asText());
    }

    /** Not JSON inside a request object is the same error as in the parameter. */
    @Test
    void malformedDetailsInsideARequestObjectAreRefused() {
        String requestObject = jarKeys.requestObject(Map.of("client_id", JAR_APP, "iss", JAR_APP, "aud", server.domain(REALM) + "/",
                "response_type", "code", "redirect_uri", CALLBACK, "scope", "openid",
                "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256", "authorization_details", Map.of("type", "payment_initiation")));

        HttpResponse<String> pushed = domain.push(Http.form("client_id", JAR_APP, "client_secret", JAR_SECRET, "request", requestObject));

        assertEquals(400, pushed.statusCode(), pushed.body());
        assertEquals("invalid_authorization_details", Http.json(pushed).get("error").asText(), pushed.body());
        assertEquals("authorization_details must be a JSON array of objects", Http.json(pushed).get("error_description").asText());
    }

    /**
     * Auth0's {@code pushedAuthorizationRequestWithJAR(request, authorizationDetails)} sends the details beside the
     * signed object, whose {@code scope} names the API; after the login through {@code /authorize}, {@code /oauth/token}
     * answers them whole and the access token carries them.
     */
    @Test
    void auth0JavaSdkPushesDetailsBesideASignedRequestObjectAndGetsThemBack() throws Exception {
        AuthAPI auth = AuthAPI.newBuilder(server.domain(REALM), JAR_APP, JAR_SECRET).build();
        PushedAuthorizationResponse pushed = auth.pushedAuthorizationRequestWithJAR(requestObjectFor(API), PAYMENT).execute().getBody();

        URI callback = new Browser(server).login(auth.authorizeUrlWithPAR(pushed.getRequestURI()), "alice", "alice-password");

        HttpResponse<String> tokens = domain.redeem(JAR_APP, JAR_SECRET, Auth0Domain.code(callback));
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals(payment(), Http.json(tokens).get("authorization_details"));
        JsonNode access = accessTokenClaims(Http.json(tokens).get("access_token").asText());
        assertEquals(payment(), access.get("authorization_details"));
        assertTrue(access.get("aud").toString().contains(API), access.toString());
    }

    /**
     * The same push, logged in at Keycloak's own authorization endpoint, which only the extension's client-policy
     * executor reaches: the realm runs it as README's Security section says.
     */
    @Test
    void keycloaksOwnAuthorizationEndpointCarriesDetailsPushedBesideASignedRequestObject() throws Exception {
        String requestUri = domain.requestUri(Http.form("client_id", JAR_APP, "client_secret", JAR_SECRET,
                "request", requestObjectFor(API), "authorization_details", Http.JSON.writeValueAsString(PAYMENT)));
        assertTrue(store.storedParameterNames(REALM, requestUri).containsAll(List.of("request", CarriedAuthorizationDetails.PARAMETER)));

        URI callback;
        enableBindingExecutor();
        try {
            callback = new Browser(server).login(domain.authorizationUrl(JAR_APP, requestUri), "alice", "alice-password");
        } finally {
            disableClientPolicies();
        }

        HttpResponse<String> tokens = domain.redeem(JAR_APP, JAR_SECRET, Auth0Domain.code(callback));
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals(payment(), Http.json(tokens).get("authorization_details"));
        assertEquals(payment(), accessTokenClaims(Http.json(tokens).get("access_token").asText()).get("authorization_details"));
    }

    /** Beside a request object the API's registration holds as in a plain push: only the type is named. */
    @Test
    void auth0JavaSdkPushingAnUnregisteredTypeBesideARequestObjectIsRefused() {
        AuthAPI auth = AuthAPI.newBuilder(server.domain(REALM), JAR_APP, JAR_SECRET).build();
        List<Map<String, Object>> accounts = List.of(Map.of("type", "account_information", "accounts", List.of(Map.of("iban", IBAN))));
        long writesBefore = store.writes();

        APIException rejected = assertThrows(APIException.class,
                () -> auth.pushedAuthorizationRequestWithJAR(requestObjectFor(API), accounts).execute());

        assertEquals(0, store.writes() - writesBefore, "nothing stored");
        assertEquals(400, rejected.getStatusCode());
        assertEquals("invalid_authorization_details", rejected.getError());
        assertEquals("authorization_details type \"account_information\" is not registered on the API", rejected.getDescription());
    }

    /** A request object whose scope names no API of the client's: the details have no API to be checked against. */
    @Test
    void detailsBesideARequestObjectWithoutTheApiInItsScopeAreRefused() throws Exception {
        HttpResponse<String> pushed = domain.push(Http.form("client_id", JAR_APP, "client_secret", JAR_SECRET,
                "request", requestObjectFor(null), "authorization_details", Http.JSON.writeValueAsString(PAYMENT)));

        assertEquals(400, pushed.statusCode(), pushed.body());
        assertEquals("invalid_authorization_details", Http.json(pushed).get("error").asText(), pushed.body());
        assertEquals("authorization_details needs an audience: the API that registers its types",
                Http.json(pushed).get("error_description").asText());
    }

    private static String requestObjectFor(String api) {
        return requestObjectFor(api, null);
    }

    /** A signed request object of JAR_APP asking for the API's scope (Auth0's audience cannot be mapped inside one). */
    private static String requestObjectFor(String api, List<Map<String, Object>> details) {
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("client_id", JAR_APP, "iss", JAR_APP, "aud", server.domain(REALM) + "/",
                "response_type", "code", "redirect_uri", CALLBACK, "scope", api == null ? "openid" : "openid " + api,
                "state", "jar-state", "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256"));
        if (details != null) {
            claims.put("authorization_details", details);
        }
        return jarKeys.requestObject(claims);
    }

    /** What the application checks: the pushed array, whole, in the token response and in the access token. */
    private static void assertDetailsComeBack(HttpResponse<String> tokens) {
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals(payment(), Http.json(tokens).get("authorization_details"), tokens.body());
        assertEquals(payment(), accessTokenClaims(Http.json(tokens).get("access_token").asText()).get("authorization_details"));
    }

    private static JsonNode payment() {
        return Http.JSON.valueToTree(PAYMENT);
    }

    private static JsonNode accessTokenClaims(String jwt) {
        return Http.JSON.valueToTree(io.github.kcauth0.support.Jwt.claims(jwt));
    }

    private static Map<String, String> request(String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return request(parameters);
    }

    private static Map<String, String> request(Map<String, String> parameters) {
        Map<String, String> form = new LinkedHashMap<>(Http.form("client_id", APP, "client_secret", SECRET,
                "response_type", "code", "redirect_uri", CALLBACK, "scope", "openid", "state", "rar-state",
                "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256"));
        form.putAll(parameters);
        return form;
    }

    private static JsonNode apiScope() {
        for (JsonNode scope : admin.get("/" + REALM + "/client-scopes")) {
            if (API.equals(scope.get("name").asText())) {
                return scope;
            }
        }
        throw new AssertionError("no client scope " + API);
    }

    /** As README's Audiences section says, plus the one attribute that registers the API's types. */
    private static String createApi() {
        ObjectNode api = Http.JSON.createObjectNode().put("name", API).put("protocol", "openid-connect");
        api.putObject("attributes").put("include.in.token.scope", "false").put("display.on.consent.screen", "false")
                .put(ApiAuthorizationDetailsTypes.ATTRIBUTE, "[{\"type\": \"payment_initiation\"}]");
        ObjectNode audience = api.putArray("protocolMappers").addObject().put("name", "audience")
                .put("protocol", "openid-connect").put("protocolMapper", "oidc-audience-mapper");
        audience.putObject("config").put("included.custom.audience", API).put("access.token.claim", "true");
        admin.post("/" + REALM + "/client-scopes", api);
        return apiScope().get("id").asText();
    }

    private static ObjectNode client(String clientId, String secret) {
        ObjectNode client = Http.JSON.createObjectNode().put("clientId", clientId).put("secret", secret);
        client.putArray("redirectUris").add(CALLBACK);
        client.putArray("defaultClientScopes").add("basic").add("profile").add("email").add("roles").add("web-origins").add("acr");
        client.putObject("attributes").put("request.object.signature.alg", "RS256");
        return client;
    }
}
