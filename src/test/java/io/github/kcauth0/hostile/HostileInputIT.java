package io.github.kcauth0.hostile;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.PushedRequestStore;
import io.github.kcauth0.support.RequestMarkup;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input at /oauth/par and /oauth/token of the real server, generated from a seed ({@link HostileInputs}).
 * Whatever arrives, the answer is never a 5xx, always JSON and never cached; a rejection is exactly
 * {@code {"error", "error_description"}}; and a rejected request leaves nothing in Keycloak's store of pushed
 * requests ({@link PushedRequestStore}). At /authorize, markup in any parameter becomes no element of the page
 * shown, whichever page that is.
 */
class HostileInputIT {

    // The tries keep the class at about 20 s on two cores (the server answers in a few milliseconds, and each try
    // reads the metrics twice).

    /**
     * Fixed, so that every run sends the same requests and a failure comes back on the next run; another seed
     * ({@code -Dhostile.seed=...}) sends others. Each property draws from its own {@link Random}, so a single method
     * run alone gets the same tries as in the whole class.
     */
    private static final long SEED = Long.parseLong(System.getProperty("hostile.seed", "20250617"));

    /** The name of a try, "seed …, try …: request", enough to send the same request again. */
    private static final String TRY = "{0}";

    /**
     * Maven's reports name a try only by its method and position ("…(RawRequest)[17]"), never by its display name,
     * so a failed try also writes its name (the seed and the request) to the console and to its report.
     */
    @RegisterExtension
    static final TestWatcher failedTryIsNamed = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            System.err.println("Failed: " + context.getDisplayName());
        }
    };

    private static final KeycloakServer server = KeycloakServer.get();
    private static final Auth0Domain domain = new Auth0Domain(server, TestRealms.PAR_IT);
    private static final PushedRequestStore store = new PushedRequestStore(server);
    private static final Admin admin = new Admin(server);

    @ParameterizedTest(name = TRY)
    @MethodSource("mutatedParForms")
    void mutatedFormAtParIsPushedOrRejectedAsJsonNeverA5xx(RawRequest request) {
        assertAnsweredSafely(domain.url(), request, 201);
    }

    @ParameterizedTest(name = TRY)
    @MethodSource("anyParRequests")
    void anyContentTypeAndBodyAtParIsPushedOrRejectedAsJsonNeverA5xx(RawRequest request) {
        assertAnsweredSafely(domain.url(), request, 201);
    }

    @ParameterizedTest(name = TRY)
    @MethodSource("mutatedTokenForms")
    void mutatedFormAtTokenIsRejectedAsJsonNeverA5xx(RawRequest request) {
        assertAnsweredSafely(domain.tokenUrl(), request, 200);
    }

    @ParameterizedTest(name = TRY)
    @MethodSource("anyTokenRequests")
    void anyContentTypeAndBodyAtTokenIsRejectedAsJsonNeverA5xx(RawRequest request) {
        assertAnsweredSafely(domain.tokenUrl(), request, 200);
    }

    @ParameterizedTest(name = TRY)
    @MethodSource("markupAtAuthorize")
    void markupInAnyParameterAtAuthorizeBecomesNoElementOfThePage(HostileInputs.AuthorizeQuery query) {
        HttpResponse<String> answer = new Browser(server).open(domain.authorizeUrlWithQuery(query.encoded()));

        int status = answer.statusCode();
        assertTrue(status < 500, () -> "a " + status + ": " + answer.body());
        if (status == 302 || status == 303) {
            // An error Keycloak may tell the application goes back to the registered redirect_uri, in its query.
            URI location = answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
            assertEquals(TestRealms.CALLBACK, location.getScheme() + "://" + location.getHost() + location.getPath());
            assertTrue(Set.of("error", "error_description", "state", "iss").containsAll(Browser.queryParameters(location).keySet()),
                    location::toString);
        } else {
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                    () -> answer.headers().map() + " " + answer.body());
            RequestMarkup.assertNoElementFromRequest(answer);
            if (status >= 400) {
                assertFalse(RequestMarkup.errorMessage(answer).isBlank(), answer::body);
            }
        }
    }

    static Stream<Arguments> markupAtAuthorize() {
        return tries("markupAtAuthorize", 150, HostileInputs.markupInAuthorizeQueries());
    }

    static Stream<Arguments> mutatedParForms() {
        return tries("mutatedParForms", 200,
                HostileInputs.mutatedForms(HostileInputs.parRequest(), HostileInputs.PAR_NAMES)
                        .map(body -> new RawRequest(HostileInputs.FORM, body)));
    }

    static Stream<Arguments> anyParRequests() {
        return tries("anyParRequests", 150,
                HostileInputs.anyRequests(HostileInputs.parRequest(), HostileInputs.PAR_NAMES));
    }

    static Stream<Arguments> mutatedTokenForms() {
        return tries("mutatedTokenForms", 150,
                HostileInputs.mutatedForms(HostileInputs.tokenRequest(), HostileInputs.TOKEN_NAMES)
                        .map(body -> new RawRequest(HostileInputs.FORM, body)));
    }

    static Stream<Arguments> anyTokenRequests() {
        return tries("anyTokenRequests", 150,
                HostileInputs.anyRequests(HostileInputs.tokenRequest(), HostileInputs.TOKEN_NAMES));
    }

    /**
     * The first {@code count} requests of the generator from {@link #SEED}, drawn one at a time as JUnit asks for
     * them (some bodies are a megabyte), each named by the seed and its number, counted from 1 like the "[17]" in
     * Maven's reports. The property's name goes into the seed of its {@link Random}: with the seed alone,
     * /oauth/par and /oauth/token would get the same choices in the same order (the same Content-Types, the same
     * mutations), and half of the tries would explore nothing new.
     */
    private static Stream<Arguments> tries(String property, int count, Gen<?> requests) {
        Random random = new Random(SEED * 31 + property.hashCode());
        return IntStream.rangeClosed(1, count).mapToObj(number -> {
            Object request = requests.next(random);
            return Arguments.of(Named.of("seed " + SEED + ", try " + number + ": " + request, request));
        });
    }

    // The Content-Types Keycloak itself answered with a 500 before this extension's endpoints guarded them.

    @Test
    void multipartBodyAtParIsRejectedAsNotAForm() {
        assertRejected(domain.url(), multipart(), 400, "Content-Type must be application/x-www-form-urlencoded");
    }

    @Test
    void multipartBodyAtTokenIsRejectedAsNeitherFormNorJson() {
        assertRejected(domain.tokenUrl(), multipart(), 400,
                "Content-Type must be application/x-www-form-urlencoded or application/json");
    }

    @Test
    void formTypeEndingInAnEmptyCharsetIsRejectedAsNotUtf8() {
        String body = Http.encode(Auth0Domain.validRequest());
        for (String contentType : List.of(HostileInputs.FORM + "; charset=", HostileInputs.FORM + "; a=b charset=")) {
            assertRejected(domain.url(), form(contentType, body), 400, "The form must be encoded in UTF-8");
            assertRejected(domain.tokenUrl(), form(contentType, "grant_type=authorization_code"), 400,
                    "The form must be encoded in UTF-8");
        }
    }

    @Test
    void contentTypeThatIsNoMediaTypeIsRejectedWithKeycloaksSecurityHeaders() {
        HttpResponse<String> response = form(";;;", Http.encode(Auth0Domain.validRequest())).postTo(domain.url());

        assertOAuthError(response, 400, "Content-Type must be application/x-www-form-urlencoded");
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void otherMethodWithAContentTypeKeycloakCannotReadIsNotAllowed() {
        for (String url : List.of(domain.url(), domain.tokenUrl())) {
            assertOAuthError(send("PUT", url, "multipart/form-data; boundary=" + HostileInputs.BOUNDARY, "x"), 405,
                    "Method not allowed: use POST");
            assertOAuthError(send("GET", url, ";;;", null), 405, "Method not allowed: use POST");
        }
    }

    @Test
    void contentTypeRejectedBeforeTheBodyIsReadIsRecordedAsAnErrorEvent() {
        assertRejected(domain.url(), multipart(), 400, "Content-Type must be application/x-www-form-urlencoded");

        JsonNode events = admin.get("/" + TestRealms.PAR_IT + "/events?type=PUSHED_AUTHORIZATION_REQUEST_ERROR&max=5");
        assertEquals("Content-Type must be application/x-www-form-urlencoded",
                events.get(0).get("details").get("reason").asText(), events.toString());
    }

    // A control character is rejected before anything is looked up with it. NUL is what PostgreSQL refuses in text
    // (Keycloak answered a 500 where it reached a query); ./test-cluster.sh runs this class on PostgreSQL.

    @ParameterizedTest
    @ValueSource(strings = {"client_id", "organization"})
    void nulInAParameterAtParIsRejectedNamingItWithoutItsValue(String name) {
        Map<String, String> form = Auth0Domain.validRequest();
        form.put(name, (name.equals("client_id") ? "confidential-app" : TestRealms.ORGANIZATION_ALIAS) + "\u0000x");

        assertRejected(domain.url(), form(HostileInputs.FORM, Http.encode(form)), 400, "Control character in parameter: " + name);
    }

    @Test
    void nulInClientIdAtTokenIsRejectedInAFormAndInJson() {
        Map<String, String> parameters = Http.form("grant_type", "authorization_code", "client_id", "confidential-app\u0000x",
                "client_secret", "confidential-secret", "code", "x", "redirect_uri", TestRealms.CALLBACK);

        assertRejected(domain.tokenUrl(), form(HostileInputs.FORM, Http.encode(parameters)), 400,
                "Control character in parameter: client_id");
        assertRejected(domain.tokenUrl(), form("application/json", Http.JSON.valueToTree(parameters).toString()), 400,
                "Control character in parameter: client_id");
    }

    @Test
    void nulInTheClientIdOfHttpBasicIsInvalidClient() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("confidential-app%00x:confidential-secret".getBytes());
        Map<String, String> push = Auth0Domain.validRequest();
        push.remove("client_id");
        push.remove("client_secret");

        for (HttpResponse<String> response : List.of(Http.postForm(domain.url(), push, "Authorization", basic),
                Http.postForm(domain.tokenUrl(), Http.form("grant_type", "authorization_code", "code", "x"), "Authorization", basic))) {
            assertEquals(401, response.statusCode(), response.body());
            assertEquals("invalid_client", Http.json(response).get("error").asText());
            assertEquals("Client authentication failed", Http.json(response).get("error_description").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t", "\r", "\n", "\r\nINFO forged line", "\u001f"})
    void controlCharacterInAnyValueIsRejectedAtParAndToken(String control) {
        Map<String, String> push = Auth0Domain.validRequest();
        push.put("state", "state" + control);
        Map<String, String> token = Http.form("grant_type", "authorization_code", "client_id", "confidential-app",
                "client_secret", "confidential-secret", "code", "x" + control);

        assertRejected(domain.url(), form(HostileInputs.FORM, Http.encode(push)), 400, "Control character in parameter: state");
        assertRejected(domain.tokenUrl(), form(HostileInputs.FORM, Http.encode(token)), 400, "Control character in parameter: code");
    }

    /** Without this, every "nothing was stored" above could pass because the count never moves. */
    @Test
    void acceptedPushIsExactlyOneWriteToKeycloaksStore() {
        long before = store.writes();

        domain.requestUri(Auth0Domain.validRequest());

        assertEquals(1, store.writes() - before);
    }

    private static void assertAnsweredSafely(String url, RawRequest request, int success) {
        long writesBefore = store.writes();
        HttpResponse<String> response = request.postTo(url);
        long writes = store.writes() - writesBefore;

        int status = response.statusCode();
        assertTrue(status < 500, () -> "a " + status + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                () -> "not JSON: " + response.headers().map() + " " + response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        if (status == 201) {
            assertEquals(List.of("request_uri", "expires_in"), List.copyOf(Http.jsonMap(response.body()).keySet()));
            // once; a push with a client assertion once more, without it
            assertTrue(writes == 1 || writes == 2, "an accepted push is stored once: " + writes);
            String requestUri = Http.json(response).get("request_uri").asText();
            assertFalse(store.storedParameterNames(TestRealms.PAR_IT, requestUri).contains("client_secret"));
        } else if (status == success) {
            assertEquals("access_token", Http.jsonMap(response.body()).keySet().iterator().next(), response.body());
        } else {
            assertErrorShape(response);
            assertEquals(0, writes, "a rejected request wrote to Keycloak's store of pushed requests");
        }
    }

    private static void assertRejected(String url, RawRequest request, int status, String description) {
        long writesBefore = store.writes();
        assertOAuthError(request.postTo(url), status, description);
        assertEquals(0, store.writes() - writesBefore);
    }

    private static void assertOAuthError(HttpResponse<String> response, int status, String description) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertErrorShape(response);
        assertEquals("invalid_request", Http.json(response).get("error").asText());
        assertEquals(description, Http.json(response).get("error_description").asText());
    }

    /** RFC 6749 §5.2: exactly an error code and a description, both strings. */
    private static void assertErrorShape(HttpResponse<String> response) {
        Map<String, Object> body = Http.jsonMap(response.body());
        assertEquals(List.of("error", "error_description"), List.copyOf(body.keySet()), response.body());
        JsonNode json = Http.json(response);
        assertTrue(json.get("error").isTextual() && json.get("error_description").isTextual(), response.body());
    }

    private static RawRequest multipart() {
        return new RawRequest("multipart/form-data; boundary=" + HostileInputs.BOUNDARY,
                HostileInputs.multipartBody(Auth0Domain.validRequest()).getBytes(StandardCharsets.UTF_8));
    }

    private static RawRequest form(String contentType, String body) {
        return new RawRequest(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(String method, String url, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return Http.send(request.build());
    }
}
