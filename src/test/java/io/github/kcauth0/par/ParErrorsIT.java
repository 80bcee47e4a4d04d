package io.github.kcauth0.par;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every rejected request is a JSON OAuth error with Auth0's status, never a 5xx. */
class ParErrorsIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private final Auth0Domain par = new Auth0Domain(server, TestRealms.PAR_IT);

    static Stream<Arguments> invalidForms() {
        return Stream.of(
                invalid("client_id missing", f -> f.remove("client_id"),
                        400, "invalid_request", "Missing parameter: client_id"),
                invalid("response_type missing", f -> f.remove("response_type"),
                        400, "invalid_request", "Missing parameter: response_type"),
                invalid("response_type token", f -> f.put("response_type", "token"),
                        400, "unsupported_response_type", "Unsupported response_type: only code is allowed"),
                invalid("request_uri in the body", f -> f.put("request_uri", "urn:ietf:params:oauth:request_uri:x"),
                        400, "invalid_request", "Parameter not allowed in a pushed authorization request: request_uri"),
                invalid("unregistered redirect_uri", f -> f.put("redirect_uri", "https://evil.example.com/cb"),
                        400, "invalid_request", "Invalid parameter: redirect_uri"),
                invalid("code_challenge_method plain", f -> f.put("code_challenge_method", "plain"),
                        400, "invalid_request", "Invalid parameter: code_challenge_method: only S256 is allowed"),
                invalid("code_challenge without method", f -> f.remove("code_challenge_method"),
                        400, "invalid_request", "Missing parameter: code_challenge_method"),
                invalid("code_challenge_method without challenge", f -> f.remove("code_challenge"),
                        400, "invalid_request", "Missing parameter: code_challenge"),
                invalid("code_challenge too short for RFC 7636", f -> f.put("code_challenge", "short"),
                        400, "invalid_request", "Invalid parameter: code_challenge"),
                invalid("scope the client may not request", f -> f.put("scope", "openid admin:everything"),
                        400, "invalid_scope", "Invalid scopes: openid admin:everything"),
                invalid("audience unknown to the realm", f -> f.put("audience", "https://unknown.example.com"),
                        400, "invalid_request", "Service not found: https://unknown.example.com"),
                invalid("audience the client may not request, answered as one unknown",
                        f -> f.put("audience", TestRealms.OTHER_API),
                        400, "invalid_request", "Service not found: " + TestRealms.OTHER_API),
                // the two names Keycloak's scope check lets through without a client scope: refused by the extension
                invalid("audience openid, which is no API", f -> f.put("audience", "openid"),
                        400, "invalid_request", "Service not found: openid"),
                invalid("audience naming an organization scope", f -> f.put("audience", "organization:" + TestRealms.ORGANIZATION_ALIAS),
                        400, "invalid_request", "Service not found: organization:" + TestRealms.ORGANIZATION_ALIAS),
                invalid("client_assertion without its type", f -> {
                            f.remove("client_secret");
                            f.put("client_assertion", "x.y.z");
                        },
                        400, "invalid_request", "Missing parameter: client_assertion_type"),
                invalid("client_assertion_type without an assertion", f -> {
                            f.remove("client_secret");
                            f.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
                        },
                        400, "invalid_request", "Missing parameter: client_assertion"),
                invalid("client_assertion of another type", f -> {
                            f.remove("client_secret");
                            f.put("client_assertion", "x.y.z");
                            f.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer");
                        },
                        400, "invalid_request", "Invalid parameter: client_assertion_type"),
                invalid("client without the browser flow", f -> {
                            f.put("client_id", "no-browser-app");
                            f.put("client_secret", "no-browser-secret");
                        },
                        400, "unauthorized_client", null),
                invalid("unknown client", f -> f.put("client_id", "no-such-client"),
                        401, "invalid_client", "Client authentication failed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidForms")
    void invalidRequestIsAnOAuthError(String name, Consumer<Map<String, String>> change, int status, String error,
                                      String description) {
        Map<String, String> form = Auth0Domain.validRequest();
        change.accept(form);

        assertOAuthError(par.push(form), status, error, description);
    }

    static Stream<Arguments> malformedBodies() {
        String valid = Http.encode(Auth0Domain.validRequest());
        return Stream.of(
                arguments("repeated parameter", "application/x-www-form-urlencoded", valid + "&state=again",
                        400, "Repeated parameter: state"),
                arguments("malformed percent-encoding", "application/x-www-form-urlencoded", valid + "&nonce=%ZZ",
                        400, "Malformed percent-encoding in the form"),
                arguments("truncated percent-encoding", "application/x-www-form-urlencoded", valid + "&nonce=%4",
                        400, "Malformed percent-encoding in the form"),
                arguments("not UTF-8", "application/x-www-form-urlencoded", valid + "&nonce=%C3%28",
                        400, "The form is not valid UTF-8"),
                arguments("a JSON body", "application/json", "{\"client_id\":\"confidential-app\"}",
                        400, "Content-Type must be application/x-www-form-urlencoded"),
                arguments("no Content-Type", null, valid,
                        400, "Content-Type must be application/x-www-form-urlencoded"),
                arguments("another charset", "application/x-www-form-urlencoded; charset=ISO-8859-1", valid,
                        400, "The form must be encoded in UTF-8"),
                arguments("a body over Auth0's 10 KB", "application/x-www-form-urlencoded",
                        valid + "&ext-padding=" + "a".repeat(10 * 1024), 413, "The request body exceeds 10240 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedBodyIsAnOAuthError(String name, String contentType, String body, int status, String description) {
        assertOAuthError(Http.postBody(par.url(), contentType, body), status, "invalid_request", description);
    }

    @Test
    void otherMethodsAreNotAllowed() {
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> response = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(par.url()))
                    .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build());

            assertOAuthError(response, 405, "invalid_request", "Method not allowed: use POST");
            assertEquals("POST", response.headers().firstValue("Allow").orElse(""), method);
        }
    }

    static void assertOAuthError(HttpResponse<String> response, int status, String error, String description) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonNode body = Http.json(response);
        assertEquals(List.of("error", "error_description"), List.copyOf(Http.jsonMap(response.body()).keySet()));
        assertEquals(error, body.get("error").asText());
        if (description != null) {
            assertEquals(description, body.get("error_description").asText());
        }
    }

    private static Arguments invalid(String name, Consumer<Map<String, String>> change, int status, String error,
                                     String description) {
        return arguments(name, change, status, error, description);
    }
}
