package io.github.kcauth0.authorize;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.kcauth0.rar.AuthorizationDetails;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.RequestMarkup;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page /authorize can show, given request values that are markup (links, images, scripts, HTML entities):
 * the page has no element that came from the request and still says in words what went wrong. The extension's own
 * pages leave the value out; Keycloak's pages, reached through /authorize, show it as text at most.
 */
class PageMarkupIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final Auth0Domain domain = new Auth0Domain(server, TestRealms.PAR_IT);

    static Stream<String> markup() {
        return RequestMarkup.VALUES.stream();
    }

    // ---- the extension's pages

    @ParameterizedTest
    @MethodSource("markup")
    void unknownAudienceIsShownWithoutTheValue(String markup) {
        assertExtensionPage(open(plainRequest("audience", markup)), "The application sent a sign-in request that cannot "
                + "be processed (Service not found). Go back to the application and try again; if this happens again, "
                + "tell the application's support.");
    }

    @ParameterizedTest
    @MethodSource("markup")
    void unknownResourceIsShownWithoutTheValue(String markup) {
        assertExtensionPage(open(plainRequest("resource", markup)), "cannot be processed (Service not found)");
    }

    @ParameterizedTest
    @MethodSource("markup")
    void unknownOrganizationIsShownWithoutTheValue(String markup) {
        assertExtensionPage(open(plainRequest("organization", markup)), "cannot be processed (Organization not found)");
    }

    @ParameterizedTest
    @MethodSource("markup")
    void unregisteredAuthorizationDetailsTypeIsShownWithoutTheValue(String markup) {
        String details = "[{\"type\":" + Http.JSON.valueToTree(markup) + "}]";
        Map<String, String> query = plainRequest("authorization_details", details);
        query.put("audience", TestRealms.API);
        assertExtensionPage(open(query), "cannot be processed (" + (markup.length() > AuthorizationDetails.MAX_TYPE_LENGTH
                ? "an authorization_details type is longer than " + AuthorizationDetails.MAX_TYPE_LENGTH + " characters"
                : "authorization_details type not registered on the API") + ")");
    }

    @ParameterizedTest
    @MethodSource("markup")
    void repeatedExtParameterIsShownWithoutItsName(String markup) {
        String pair = Http.urlEncode("ext-" + markup) + "=1";
        assertExtensionPage(new Browser(server).open(domain.authorizeUrl(plainRequest()) + "&" + pair + "&" + pair),
                "cannot be processed (Repeated parameter)");
    }

    @ParameterizedTest
    @MethodSource("markup")
    void requestUriNotHonouredIsShownWithoutTheValue(String markup) {
        assertExtensionPage(new Browser(server).open(domain.authorizeUrl("confidential-app",
                "urn:ietf:params:oauth:request_uri:" + markup)), "This sign-in link is no longer valid");
    }

    @ParameterizedTest
    @MethodSource("markup")
    void pageInAnotherLanguageLeavesTheValueOutToo(String markup) {
        HttpResponse<String> page = new Browser(server, "de").open(domain.authorizeUrl(plainRequest("audience", markup)));
        assertExtensionPage(page, "nicht verarbeitet werden kann (Service not found)");
    }

    // ---- Keycloak's pages, reached through /authorize

    @ParameterizedTest
    @MethodSource("markup")
    void unknownClientShowsKeycloaksPageWithoutElementsFromTheRequest(String markup) {
        HttpResponse<String> page = open(plainRequest("client_id", markup));
        assertKeycloakPage(page, 400, "Client not found");
    }

    @ParameterizedTest
    @MethodSource("markup")
    void unregisteredRedirectUriShowsKeycloaksPageWithoutElementsFromTheRequest(String markup) {
        HttpResponse<String> page = open(plainRequest("redirect_uri", CALLBACK + "?next=" + markup));
        assertKeycloakPage(page, 400, "Invalid parameter: redirect_uri");
    }

    @ParameterizedTest
    @MethodSource("markup")
    void loginHintShowsTheLoginPageWithoutElementsFromTheRequest(String markup) {
        HttpResponse<String> page = open(plainRequest("login_hint", markup));
        assertTrue(Browser.isLoginPage(page), page.body());
        RequestMarkup.assertNoElementFromRequest(page);
    }

    @ParameterizedTest
    @MethodSource("markup")
    void pushedLoginHintShowsTheLoginPageWithoutElementsFromTheRequest(String markup) {
        Map<String, String> pushed = Auth0Domain.validRequest();
        pushed.put("login_hint", markup);
        pushed.put("state", markup);
        HttpResponse<String> page = new Browser(server).open(domain.authorizeUrl("confidential-app", domain.requestUri(pushed)));
        assertTrue(Browser.isLoginPage(page), page.body());
        RequestMarkup.assertNoElementFromRequest(page);
    }

    @ParameterizedTest
    @MethodSource("markup")
    void unknownConnectionShowsTheLoginPageWithoutElementsFromTheRequest(String markup) {
        HttpResponse<String> page = open(plainRequest("connection", markup));
        assertTrue(page.statusCode() < 500, page.body());
        RequestMarkup.assertNoElementFromRequest(page);
    }

    // ---- error redirects to the client

    @ParameterizedTest
    @MethodSource("markup")
    void invalidScopeGoesBackToTheClientWithTheValueOnlyInsideOneQueryParameter(String markup) {
        HttpResponse<String> answer = open(plainRequest("scope", "openid " + markup));

        assertEquals(302, answer.statusCode(), answer.body());
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        assertEquals(CALLBACK, location.getScheme() + "://" + location.getHost() + location.getPath());
        Map<String, String> query = Browser.queryParameters(location);
        assertTrue(Set.of("error", "error_description", "state", "iss").containsAll(query.keySet()), query.toString());
        assertEquals("invalid_scope", query.get("error"));
        // Keycloak's description quotes the scope: to the application, as the text of one query parameter.
        assertTrue(query.get("error_description").startsWith("Invalid scopes: openid "), query.toString());
        assertEquals("markup-1", query.get("state"));
    }

    private static HttpResponse<String> open(Map<String, String> query) {
        return new Browser(server).open(domain.authorizeUrl(query));
    }

    private static Map<String, String> plainRequest() {
        return Http.form("client_id", "confidential-app", "response_type", "code", "redirect_uri", CALLBACK,
                "scope", "openid", "state", "markup-1",
                "code_challenge", TestRealms.CODE_CHALLENGE, "code_challenge_method", "S256");
    }

    private static Map<String, String> plainRequest(String name, String value) {
        Map<String, String> query = plainRequest();
        query.put(name, value);
        return query;
    }

    /** A page of this extension: says what went wrong, shows no element and no word of the request's value. */
    private static void assertExtensionPage(HttpResponse<String> page, String words) {
        assertKeycloakPage(page, 400, words);
        String text = RequestMarkup.text(page);
        assertFalse(text.contains(RequestMarkup.EVIL_HOST) || text.contains(RequestMarkup.LINK_TEXT)
                || text.contains(RequestMarkup.SCRIPT_MARKER), text);
    }

    private static void assertKeycloakPage(HttpResponse<String> page, int status, String words) {
        assertEquals(status, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        RequestMarkup.assertNoElementFromRequest(page);
        assertTrue(RequestMarkup.text(page).contains(words), () -> "Not \"" + words + "\" in: " + RequestMarkup.text(page));
    }
}
