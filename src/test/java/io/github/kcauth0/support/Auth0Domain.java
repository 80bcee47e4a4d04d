package io.github.kcauth0.support;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A realm as an Auth0 application sees it: the domain {@code {keycloak}/realms/{realm}} and its Auth0 paths. */
public final class Auth0Domain {

    private final KeycloakServer server;
    private final String realm;

    public Auth0Domain(KeycloakServer server, String realm) {
        this.server = server;
        this.realm = realm;
    }

    public String url() {
        return server.domain(realm) + "/oauth/par";
    }

    /** A valid request of {@code confidential-app} in the par-it realm, with client_secret_post. */
    public static Map<String, String> validRequest() {
        return new LinkedHashMap<>(Http.form(
                "client_id", "confidential-app", "client_secret", "confidential-secret",
                "response_type", "code", "redirect_uri", CALLBACK, "scope", "openid profile email",
                "state", "state-123", "nonce", "nonce-456",
                "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256"));
    }

    public HttpResponse<String> push(Map<String, String> form, String... headers) {
        return Http.postForm(url(), form, headers);
    }

    /** Pushes and returns the request_uri, failing unless the answer is 201. */
    public String requestUri(Map<String, String> form, String... headers) {
        HttpResponse<String> response = push(form, headers);
        assertEquals(201, response.statusCode(), response.body());
        JsonNode body = Http.json(response);
        return body.get("request_uri").asText();
    }

    /** Keycloak's own authorization endpoint, given a pushed request. */
    public String authorizationUrl(String clientId, String requestUri) {
        return server.domain(realm) + "/protocol/openid-connect/auth?client_id=" + Http.urlEncode(clientId)
                + "&request_uri=" + Http.urlEncode(requestUri);
    }

    /** Auth0's {@code /authorize}, given query parameters. */
    public String authorizeUrl(Map<String, String> query) {
        return server.domain(realm) + "/authorize?" + Http.encode(query);
    }

    /** Auth0's {@code /authorize}, given a query already percent-encoded (which may repeat a parameter). */
    public String authorizeUrlWithQuery(String encodedQuery) {
        return server.domain(realm) + "/authorize?" + encodedQuery;
    }

    /** Auth0's {@code /authorize} for a pushed request, as Auth0's SDKs build it. */
    public String authorizeUrl(String clientId, String requestUri) {
        return authorizeUrl(Http.form("client_id", clientId, "request_uri", requestUri));
    }

    public String tokenUrl() {
        return server.domain(realm) + "/oauth/token";
    }

    /** Redeems a code at Auth0's {@code /oauth/token} with client_secret_post and the RFC 7636 verifier. */
    public HttpResponse<String> redeem(String clientId, String secret, String code) {
        return Http.postForm(tokenUrl(), Http.form("grant_type", "authorization_code", "client_id", clientId,
                "client_secret", secret, "code", code, "redirect_uri", CALLBACK, "code_verifier", TestRealms.CODE_VERIFIER));
    }

    /**
     * The whole login of {@code confidential-app} through Auth0's endpoints, in this browser: push the request
     * (with these parameters added), log in at {@code /authorize}, redeem at {@code /oauth/token}.
     *
     * @return the token response
     */
    public JsonNode logIn(Browser browser, String username, String password, String... extraParameters) {
        Map<String, String> form = validRequest();
        form.putAll(Http.form(extraParameters));
        java.net.URI callback = browser.login(authorizeUrl("confidential-app", requestUri(form)), username, password);
        HttpResponse<String> tokens = redeem("confidential-app", "confidential-secret", code(callback));
        assertEquals(200, tokens.statusCode(), tokens.body());
        return Http.json(tokens);
    }

    /** The realm's issuer, as Keycloak writes it into tokens. */
    public String keycloakIssuer() {
        return server.domain(realm);
    }

    /** The code in the redirect back to the application, failing if there is none. */
    public static String code(java.net.URI callback) {
        String code = Browser.queryParameters(callback).get("code");
        if (code == null) {
            throw new AssertionError("No code in " + callback);
        }
        return code;
    }

    public String keycloakTokenUrl() {
        return server.domain(realm) + "/protocol/openid-connect/token";
    }
}
