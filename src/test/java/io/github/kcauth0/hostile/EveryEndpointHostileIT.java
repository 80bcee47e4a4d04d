package io.github.kcauth0.hostile;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input at the endpoints browsers and APIs reach besides /oauth/par and /oauth/token: {@code /authorize},
 * {@code /userinfo}, {@code /v2/logout}, {@code /oidc/logout} and the well-known documents, with queries and
 * headers generated from a seed as in {@link HostileInputIT}. Never a 5xx; a browser gets a page (or a redirect
 * to a URL the client registered, never elsewhere), an API a 401 with its challenge or the document.
 */
class EveryEndpointHostileIT {

    /** Maven's reports name a try only by its number: a failed try writes its request to the console too. */
    @RegisterExtension
    static final TestWatcher failedTryIsNamed = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            System.err.println("Failed: " + context.getDisplayName());
        }
    };

    private static final long SEED = Long.parseLong(System.getProperty("hostile.seed", "20250617"));
    private static final KeycloakServer server = KeycloakServer.get();
    private static final String DOMAIN = server.domain(TestRealms.PAR_IT);
    private static final List<String> AUTHORIZE_NAMES = List.of("client_id", "response_type", "redirect_uri", "scope",
            "state", "nonce", "code_challenge", "code_challenge_method", "request_uri", "audience", "organization",
            "connection", "screen_hint", "prompt", "max_age", "ext-tenant", "authorization_details", "request");
    private static final List<String> LOGOUT_NAMES = List.of("client_id", "returnTo", "federated", "id_token_hint",
            "post_logout_redirect_uri", "state", "ui_locales", "logout_hint");

    @ParameterizedTest(name = "{0}")
    @MethodSource("authorizeQueries")
    void authorizeAnswersWithAPageOrARegisteredRedirectNeverA5xx(RawGet request) {
        assertBrowserAnswer(request, DOMAIN + "/authorize", DOMAIN + "/protocol/openid-connect/auth");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logoutQueries")
    void logoutAnswersWithAPageOrARegisteredRedirectNeverA5xx(RawGet request) {
        assertBrowserAnswer(request, DOMAIN + (request.query().hashCode() % 2 == 0 ? "/v2/logout" : "/oidc/logout"),
                DOMAIN + "/protocol/openid-connect/logout");
    }

    /**
     * A NUL reaches no lookup (PostgreSQL refuses it in text): /authorize says the link is damaged, logout shows
     * Keycloak's "Invalid Request" page.
     */
    @ParameterizedTest
    @CsvSource({"/authorize, This sign-in link is damaged", "/v2/logout, Invalid Request", "/oidc/logout, Invalid Request"})
    void nulInTheQueryOfABrowserEndpointShowsAnErrorPage(String path, String message) {
        RawGet.Response response = new RawGet("client_id=confidential-app%00&state=s", Map.of()).sendTo(DOMAIN + path);

        assertEquals(400, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("text/html"), response.headers().toString());
        assertTrue(response.body().contains(message), response.body());
    }

    /**
     * Behind a proxy ({@code --proxy-headers=xforwarded}) the forwarded host is the caller's to write: none moves
     * the request to another endpoint or breaks it. Each answer is the one only that path's endpoint gives: the
     * damaged-link page or the login page of {@code /authorize}, the redirect to {@code returnTo} that only
     * {@code /v2/logout} reads, to {@code post_logout_redirect_uri} with {@code state} that only {@code /oidc/logout}
     * reads, and the logout endpoints' page for an unreadable query.
     */
    @ParameterizedTest(name = "{0} with X-Forwarded-Host {1}")
    @MethodSource("forwardedHosts")
    void aForwardedHostNeitherMovesNorBreaksTheRequest(String path, String host) {
        Map<String, String> forwarded = Map.of("X-Forwarded-Host", host);
        String requestUri = new io.github.kcauth0.support.Auth0Domain(server, TestRealms.PAR_IT)
                .requestUri(io.github.kcauth0.support.Auth0Domain.validRequest());
        RawGet.Response damaged = new RawGet("a=%E0%A4&client_id=confidential-app", forwarded).sendTo(DOMAIN + path);
        RawGet.Response readable = new RawGet(switch (path) {
            case "/authorize" -> "client_id=confidential-app&request_uri=" + Http.urlEncode(requestUri);
            case "/v2/logout" -> "client_id=confidential-app&returnTo=" + Http.urlEncode(CALLBACK);
            default -> "client_id=confidential-app&post_logout_redirect_uri=" + Http.urlEncode(CALLBACK) + "&state=only-oidc";
        }, forwarded).sendTo(DOMAIN + path);

        assertEquals(400, damaged.status(), damaged.body());
        assertTrue(damaged.body().contains(path.equals("/authorize") ? "This sign-in link is damaged" : "Invalid Request"), damaged.body());
        switch (path) {
            case "/authorize" -> {
                // Keycloak's login: its form, or its redirect into its login flow (on the forwarded host when that
                // is a host name: "evil.example:x" is read as evil.example)
                String location = readable.header("Location");
                assertTrue(readable.status() == 200 && readable.body().contains("id=\"kc-form-login\"")
                        || readable.status() == 302 && java.net.URI.create(location).getRawPath()
                        .equals("/realms/" + TestRealms.PAR_IT + "/login-actions/authenticate"),
                        readable.status() + " " + location + " " + readable.body());
            }
            case "/v2/logout" -> {
                assertEquals(302, readable.status(), readable.body());
                assertEquals(CALLBACK, readable.header("Location"));
            }
            default -> {
                assertEquals(302, readable.status(), readable.body());
                assertEquals(CALLBACK + "?state=only-oidc", readable.header("Location"));
            }
        }
    }

    static Stream<Arguments> forwardedHosts() {
        List<String> hosts = List.of("evil.example/realms/" + TestRealms.PAR_IT + "/v2/logout", "evil.example/x", "evil.example?x",
                "evil.example#x", "evil.example|x", "evil example", "\u00e9vil.example", "evil.example:x", "localhost:1/realms/other/authorize?");
        return Stream.of("/authorize", "/v2/logout", "/oidc/logout")
                .flatMap(path -> hosts.stream().map(host -> Arguments.of(path, host)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userInfoHeaders")
    void userInfoWithAnyAuthorizationIsUnauthorizedWithItsChallenge(RawGet request) {
        RawGet.Response response = request.sendTo(DOMAIN + "/userinfo");

        assertEquals(401, response.status(), response.body());
        assertTrue(response.header("WWW-Authenticate").startsWith("Bearer"), response.headers().toString());
    }

    /** A query they do not read: served, or refused by Keycloak's own query checks as its certs endpoint is. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("wellKnownQueries")
    void wellKnownDocumentsAnswerAsKeycloaksOwnCertsEndpoint(RawGet request) {
        int keycloaks = request.sendTo(DOMAIN + "/protocol/openid-connect/certs").status();
        for (String document : List.of("/.well-known/jwks.json", "/.well-known/openid-configuration")) {
            RawGet.Response response = request.sendTo(DOMAIN + document);
            assertEquals(keycloaks, response.status(), response.body());
            if (response.status() == 200) {
                assertTrue(response.header("Content-Type").startsWith("application/json"), response.headers().toString());
                Http.jsonMap(response.body());
            }
        }
    }

    static Stream<Arguments> authorizeQueries() {
        Map<String, String> valid = Http.form("client_id", "confidential-app", "response_type", "code", "redirect_uri", CALLBACK,
                "scope", "openid", "state", "s", "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256");
        return tries("authorizeQueries", 150, HostileInputs.mutatedForms(valid, AUTHORIZE_NAMES)
                .map(query -> new RawGet(clipped(RawGet.asBrowserSendsIt(query)), Map.of())));
    }

    static Stream<Arguments> logoutQueries() {
        Map<String, String> valid = Http.form("client_id", "confidential-app", "returnTo", CALLBACK,
                "post_logout_redirect_uri", CALLBACK, "state", "s");
        return tries("logoutQueries", 100, HostileInputs.mutatedForms(valid, LOGOUT_NAMES)
                .map(query -> new RawGet(clipped(RawGet.asBrowserSendsIt(query)), Map.of())));
    }

    static Stream<Arguments> userInfoHeaders() {
        Gen<String> junk = HostileInputs.mutatedForms(Map.of("a", "b"), List.of("a")).map(RawGet::asBrowserSendsIt);
        Gen<String> jwtLike = Gen.combine(junk, junk, junk, (a, b, c) -> a + "." + b + "." + c);
        Gen<String> authorization = Gen.oneOf(junk, junk.map(token -> "Bearer " + token), jwtLike.map(token -> "Bearer " + token),
                Gen.of("Bearer", "Bearer ", "Basic Y2xpZW50OnNlY3JldA==", "bearer x", "Bearer eyJhbGciOiJub25lIn0.e30."));
        return tries("userInfoHeaders", 80, authorization.orNull(0.1)
                .map(value -> new RawGet(null, value == null ? Map.of() : Map.of("Authorization", clipped(value)))));
    }

    static Stream<Arguments> wellKnownQueries() {
        return tries("wellKnownQueries", 20, HostileInputs.mutatedForms(Map.of("x", "y"), List.of("x"))
                .map(query -> new RawGet(clipped(RawGet.asBrowserSendsIt(query)), Map.of("Accept", "*/*"))));
    }

    /**
     * A redirect goes only to the URL the client registered; any other answer is a page that says something, except
     * a bare 400 that Keycloak's HTTP layer gives before any endpoint runs (a malformed escape), which Keycloak's own
     * endpoint given the same query gives too.
     */
    private static void assertBrowserAnswer(RawGet request, String url, String keycloaksOwnUrl) {
        RawGet.Response response = request.sendTo(url);
        assertTrue(response.status() < 500, response.status() + " " + response.body());
        if (response.status() == 400 && response.body().isEmpty()) {
            RawGet.Response keycloaks = request.sendTo(keycloaksOwnUrl);
            assertEquals(400, keycloaks.status(), "Keycloak's own endpoint reads this query");
            assertTrue(keycloaks.body().isEmpty(), keycloaks.body());
            return;
        }
        if (response.status() == 302 || response.status() == 303) {
            String location = response.header("Location");
            assertTrue(location.startsWith(CALLBACK) || location.startsWith(DOMAIN + "/"), "redirected to " + location);
        } else if (response.status() != 414 && response.status() != 431) {
            // 414 and 431: the HTTP server's limits on the request line and headers, before Keycloak
            assertTrue(response.header("Content-Type").startsWith("text/html"), response.status() + " " + response.headers());
            assertFalse(response.body().isBlank(), "a blank page, status " + response.status());
        }
    }

    /**
     * At most 8 KB, past the HTTP server's limit on the request line (4 KB: it answers 414), short of requests it
     * stops reading.
     */
    private static String clipped(String value) {
        return value.length() > 8192 ? value.substring(0, 8192) : value;
    }

    private static Stream<Arguments> tries(String property, int count, Gen<RawGet> requests) {
        Random random = new Random(SEED * 31 + property.hashCode());
        return IntStream.rangeClosed(1, count).mapToObj(number -> {
            RawGet request = requests.next(random);
            return Arguments.of(Named.of("seed " + SEED + ", try " + number + ": " + request, request));
        });
    }
}
