package io.github.kcauth0.par;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.kcauth0.oauth.OAuthError;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.util.JsonSerialization;

import static org.keycloak.OAuth2Constants.CLIENT_ID;
import static org.keycloak.OAuth2Constants.CODE;
import static org.keycloak.OAuth2Constants.CODE_CHALLENGE;
import static org.keycloak.OAuth2Constants.CODE_CHALLENGE_METHOD;
import static org.keycloak.OAuth2Constants.PKCE_METHOD_S256;
import static org.keycloak.OAuth2Constants.RESPONSE_TYPE;

/**
 * What Auth0's API reference demands of an authorization request beyond what Keycloak checks. Keycloak's own
 * checks (client authentication, redirect URI, scopes, PKCE policy, request objects, client policies) follow.
 * With a request object (JAR), its claims are the request, as in RFC 9101; Keycloak verifies its signature.
 */
final class Auth0RequestChecks {

    /** Auth0 parameters that must be mapped, which a signed request object cannot be. */
    private static final List<String> UNMAPPABLE_IN_REQUEST_OBJECT = List.of(Auth0Parameters.AUDIENCE,
            Auth0Parameters.RESOURCE, Auth0Parameters.ORGANIZATION, Auth0Parameters.CONNECTION,
            Auth0Parameters.SCREEN_HINT, Auth0Parameters.INVITATION);

    private final Auth0AuthorizationRequest request;

    Auth0RequestChecks(Auth0AuthorizationRequest request) {
        this.request = request;
    }

    /** @param clientId the client that authenticates the request */
    void check(String clientId) {
        if (clientId == null) {
            throw OAuthError.missingParameter(CLIENT_ID);
        }
        Auth0AuthorizationRequest effective = requestObject()
                .map(claims -> checkRequestObject(claims, clientId))
                .orElse(request);
        checkResponseType(effective);
        checkPkce(effective);
    }

    static void checkResponseType(Auth0AuthorizationRequest request) {
        String responseType = request.get(RESPONSE_TYPE).orElseThrow(() -> OAuthError.missingParameter(RESPONSE_TYPE));
        if (!CODE.equals(responseType)) {
            throw new OAuthError(400, OAuthError.UNSUPPORTED_RESPONSE_TYPE, "Unsupported response_type: only code is allowed");
        }
    }

    /** Auth0 accepts S256 only, and a challenge and its method together. */
    static void checkPkce(Auth0AuthorizationRequest request) {
        boolean hasChallenge = request.has(CODE_CHALLENGE);
        boolean hasMethod = request.has(CODE_CHALLENGE_METHOD);
        if (hasChallenge && !hasMethod) {
            throw OAuthError.missingParameter(CODE_CHALLENGE_METHOD);
        }
        if (hasMethod && !hasChallenge) {
            throw OAuthError.missingParameter(CODE_CHALLENGE);
        }
        if (hasMethod && !PKCE_METHOD_S256.equals(request.get(CODE_CHALLENGE_METHOD).orElseThrow())) {
            throw OAuthError.invalidRequest("Invalid parameter: code_challenge_method: only S256 is allowed");
        }
    }

    private Auth0AuthorizationRequest checkRequestObject(Map<String, Object> claims, String clientId) {
        if (!clientId.equals(claims.get(CLIENT_ID))) {
            throw invalidRequestObject("the request object's client_id must be the client's");
        }
        for (String name : UNMAPPABLE_IN_REQUEST_OBJECT) {
            if (claims.containsKey(name)) {
                throw invalidRequestObject("\"" + name + "\" is not supported inside a request object; "
                        + "send it as a parameter of a request without one");
            }
        }
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        claims.forEach((name, value) -> {
            if (value instanceof String text) {
                parameters.putSingle(name, text);
            }
        });
        return Auth0AuthorizationRequest.of(parameters);
    }

    /** The claims of a signed request object, read to check them; Keycloak verifies the signature. */
    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> requestObject() {
        Optional<String> jar = request.get(Auth0Parameters.REQUEST);
        if (jar.isEmpty() || jar.get().split("\\.", -1).length != 3) {
            return Optional.empty(); // none, or encrypted: Keycloak decrypts and checks it
        }
        try {
            return Optional.of(JsonSerialization.readValue(new JWSInput(jar.get()).getContent(), Map.class));
        } catch (JWSInputException | java.io.IOException | RuntimeException e) {
            throw invalidRequestObject("the request object is not a signed JWT");
        }
    }

    private static OAuthError invalidRequestObject(String why) {
        return new OAuthError(400, "invalid_request_object", "Invalid request object: " + why);
    }
}
