package io.github.kcauth0.rar;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.auth0.client.auth.AuthAPI;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.ClientKeys;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.API;
import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that requires consent: the consent page of a login that carries an API's authorization_details names
 * their types (and nothing else of them), in the user's language, beside Keycloak's own lines.
 */
class AuthorizationDetailsConsentIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final String REALM = "rar-consent-it";
    private static final Auth0Domain domain = new Auth0Domain(server, REALM);
    private static final Admin admin = new Admin(server);
    private static final String APP = "consenting-app";
    private static final String SECRET = "consenting-secret";
    private static final String JAR_APP = "consenting-jar-app";
    private static final ClientKeys jarKeys = ClientKeys.generate();
    private static final String IBAN = "DE89370400440532013000";
    private static final List<Map<String, Object>> PAYMENT = List.of(Map.of("type", "payment_initiation",
            "instructedAmount", Map.of("currency", "EUR", "amount", "123.50"), "creditorAccount", Map.of("iban", IBAN)));
    private static final Pattern CONSENT_LINES = Pattern.compile("<li>\\s*<span>\\s*(.*?)\\s*</span>", Pattern.DOTALL);

    @BeforeAll
    static void createRealm() {
        if (admin.get("").findValuesAsText("realm").contains(REALM)) {
            return;
        }
        ObjectNode realm = Http.JSON.createObjectNode().put("realm", REALM).put("enabled", true)
                .put("internationalizationEnabled", true);
        realm.putArray("supportedLocales").add("en").add("de");
        realm.putObject("attributes").put("auth0-par.enabled", "true");
        ObjectNode client = realm.putArray("clients").addObject().put("clientId", APP).put("secret", SECRET)
                .put("consentRequired", true);
        client.putArray("redirectUris").add(CALLBACK);
        client.putArray("defaultClientScopes").add("basic").add("profile").add("email").add("roles").add("web-origins").add("acr");
        ObjectNode jarClient = client.deepCopy().put("clientId", JAR_APP);
        jarClient.putObject("attributes").put("request.object.signature.alg", "RS256");
        realm.withArray("clients").add(jarClient);
        for (String name : List.of("carol", "dave", "erin")) {
            TestRealms.addUser(realm, name);
        }
        admin.post("", realm);

        ObjectNode api = Http.JSON.createObjectNode().put("name", API).put("protocol", "openid-connect");
        api.putObject("attributes").put("include.in.token.scope", "false").put("display.on.consent.screen", "true")
                .put("consent.screen.text", "Payments at Example Bank")
                .put(ApiAuthorizationDetailsTypes.ATTRIBUTE, "[{\"type\": \"payment_initiation\"}, {\"type\": \"account_information\"}]");
        ObjectNode audience = api.putArray("protocolMappers").addObject().put("name", "audience")
                .put("protocol", "openid-connect").put("protocolMapper", "oidc-audience-mapper");
        audience.putObject("config").put("included.custom.audience", API).put("access.token.claim", "true");
        admin.post("/" + REALM + "/client-scopes", api);
        String apiId = admin.get("/" + REALM + "/client-scopes").findParents("name").stream()
                .filter(scope -> API.equals(scope.get("name").asText())).findFirst().orElseThrow().get("id").asText();
        for (String clientId : List.of(APP, JAR_APP)) {
            admin.put("/" + REALM + "/clients/" + admin.clientUuid(REALM, clientId) + "/optional-client-scopes/" + apiId, null);
        }
        jarKeys.registerWith(admin, REALM, JAR_APP);
    }

    /**
     * Auth0's Java SDK pushes a payment; the consent page names its type; once accepted, the code gives the details
     * back. The next payment is asked for again; a login without details is not (Keycloak remembers the scope).
     */
    @Test
    void theConsentPageNamesThePushedTypesAndNothingElseOfThem() throws Exception {
        Browser browser = new Browser(server);
        HttpResponse<String> consent = loginUpToConsent(browser, "carol", Map.of());

        List<String> lines = consentLines(consent);
        assertTrue(lines.contains("Payments at Example Bank"), lines.toString());
        assertTrue(lines.contains("Authorization details of this request: payment_initiation"), lines.toString());
        assertFalse(consent.body().contains("account_information"), "only the types the request carries");
        assertFalse(consent.body().contains(IBAN), "only the types, never the rest of the details");

        HttpResponse<String> accepted = browser.submitFormTo(consent, "login-actions/consent",
                Map.of("code", hidden(consent, "code"), "accept", "Yes"));
        URI callback = URI.create(accepted.headers().firstValue("Location").orElseThrow(() -> new AssertionError(accepted.body())));
        HttpResponse<String> tokens = domain.redeem(APP, SECRET, Auth0Domain.code(callback));
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals(Http.JSON.valueToTree(PAYMENT), Http.json(tokens).get("authorization_details"));

        HttpResponse<String> nextPayment = browser.open(authorizationUrl(Map.of(), PAYMENT));
        assertTrue(consentLines(nextPayment).contains("Authorization details of this request: payment_initiation"),
                "each request's details are consented to, whatever was consented before: " + nextPayment.body());

        HttpResponse<String> withoutDetails = browser.open(authorizationUrl(Map.of(), null));
        assertEquals(302, withoutDetails.statusCode(), "Keycloak remembers the consent to the API's scope: " + withoutDetails.body());
        assertTrue(withoutDetails.headers().firstValue("Location").orElseThrow().startsWith(CALLBACK));
    }

    @Test
    void theLineIsInTheUsersLanguage() throws Exception {
        List<String> lines = consentLines(loginUpToConsent(new Browser(server, "de"), "dave", Map.of("prompt", "consent")));

        assertTrue(lines.contains("Autorisierungsdetails dieser Anfrage: payment_initiation"), lines.toString());
    }

    @Test
    void aLoginWithoutDetailsHasNoSuchLine() throws Exception {
        Browser browser = new Browser(server);

        List<String> lines = consentLines(browser.submitLoginForm(browser.open(authorizationUrl(Map.of("prompt", "consent"), null)),
                "dave", "dave-password"));

        assertTrue(lines.contains("Payments at Example Bank"), lines.toString());
        assertTrue(lines.stream().noneMatch(line -> line.contains("payment_initiation")), lines.toString());
    }

    /** What the README's Rich Authorization Requests section tells a person to try in the demo realm. */
    @Test
    void theDemoRealmsPaymentsClientShowsTheLine() {
        Auth0Domain demo = new Auth0Domain(server, "demo");
        String requestUri = demo.requestUri(Http.form("client_id", "YOUR_PAYMENTS_CLIENT_ID", "client_secret", "YOUR_PAYMENTS_CLIENT_SECRET",
                "response_type", "code", "redirect_uri", "https://your-app.com/callback", "scope", "openid", "audience", API,
                "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256",
                "authorization_details", "[{\"type\":\"payment_initiation\",\"instructedAmount\":{\"currency\":\"EUR\",\"amount\":\"123.50\"}}]"));
        Browser browser = new Browser(server);

        List<String> lines = consentLines(browser.submitLoginForm(
                browser.open(demo.authorizeUrl("YOUR_PAYMENTS_CLIENT_ID", requestUri)), "demo", "demo"));

        assertTrue(lines.contains("Payments at the demo bank"), lines.toString());
        assertTrue(lines.contains("Authorization details of this request: payment_initiation"), lines.toString());
    }

    /**
     * Auth0's {@code pushedAuthorizationRequestWithJAR(request, authorizationDetails)}: the signed object's own prompt
     * is what Keycloak reads, and the consent page is shown with the line for each such login all the same.
     */
    @Test
    void detailsBesideASignedRequestObjectAreConsentedToEachTime() throws Exception {
        AuthAPI auth = AuthAPI.newBuilder(server.domain(REALM), JAR_APP, SECRET).build();
        for (int login = 0; login < 2; login++) {
            String requestObject = jarKeys.requestObject(Map.of("client_id", JAR_APP, "iss", JAR_APP, "aud", server.domain(REALM) + "/",
                    "response_type", "code", "redirect_uri", CALLBACK, "scope", "openid " + API, "state", "jar-" + login,
                    "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256"));
            String requestUri = auth.pushedAuthorizationRequestWithJAR(requestObject, PAYMENT).execute().getBody().getRequestURI();
            Browser browser = new Browser(server);

            HttpResponse<String> consent = browser.submitLoginForm(browser.open(auth.authorizeUrlWithPAR(requestUri)), "erin", "erin-password");

            assertTrue(consentLines(consent).contains("Authorization details of this request: payment_initiation"), consent.body());
            HttpResponse<String> accepted = browser.submitFormTo(consent, "login-actions/consent",
                    Map.of("code", hidden(consent, "code"), "accept", "Yes"));
            assertTrue(accepted.headers().firstValue("Location").orElseThrow().startsWith(CALLBACK), accepted.body());
        }
    }

    /** A silent login cannot ask: a remembered consent must not approve new details. */
    @Test
    void promptNoneWithDetailsIsRefusedAtThePush() {
        HttpResponse<String> refused = domain.push(Http.form("client_id", APP, "client_secret", SECRET, "response_type", "code",
                "redirect_uri", CALLBACK, "scope", "openid", "audience", API, "prompt", "none",
                "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256",
                "authorization_details", Http.JSON.valueToTree(PAYMENT).toString()));

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("invalid_request", Http.json(refused).get("error").asText());
        assertTrue(Http.json(refused).get("error_description").asText().startsWith("prompt=none cannot be used"), refused.body());
    }

    private static HttpResponse<String> loginUpToConsent(Browser browser, String user, Map<String, String> parameters) throws Exception {
        HttpResponse<String> consent = browser.submitLoginForm(browser.open(authorizationUrl(parameters, PAYMENT)), user, user + "-password");
        assertEquals(200, consent.statusCode(), consent.body());
        return consent;
    }

    /** Auth0's Java SDK pushes, with the details when there are any; the URL it gives leads to the login. */
    private static String authorizationUrl(Map<String, String> parameters, List<Map<String, Object>> details) throws Exception {
        AuthAPI auth = AuthAPI.newBuilder(server.domain(REALM), APP, SECRET).build();
        Map<String, String> request = new HashMap<>(Map.of("scope", "openid", "state", "consent-it",
                "audience", API, "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256"));
        request.putAll(parameters);
        var push = details == null ? auth.pushedAuthorizationRequest(CALLBACK, "code", request)
                : auth.pushedAuthorizationRequest(CALLBACK, "code", request, details);
        return auth.authorizeUrlWithPAR(push.execute().getBody().getRequestURI());
    }

    private static List<String> consentLines(HttpResponse<String> page) {
        Matcher line = CONSENT_LINES.matcher(page.body());
        List<String> lines = new ArrayList<>();
        while (line.find()) {
            lines.add(line.group(1).replaceAll("\\s+", " "));
        }
        return lines;
    }

    private static String hidden(HttpResponse<String> page, String name) {
        Matcher input = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page.body());
        if (!input.find()) {
            throw new AssertionError("No " + name + " on the page:\n" + page.body());
        }
        return input.group(1);
    }
}
