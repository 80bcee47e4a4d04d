package io.github.kcauth0.par;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kcauth0.jar.SignedRequestObjects;
import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.rar.CarriedAuthorizationDetails;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.jose.jwe.JWE;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

import static org.keycloak.OAuth2Constants.CLIENT_ID;
import static org.keycloak.OAuth2Constants.CODE;
import static org.keycloak.OAuth2Constants.CODE_CHALLENGE;
import static org.keycloak.OAuth2Constants.CODE_CHALLENGE_METHOD;
import static org.keycloak.OAuth2Constants.PKCE_METHOD_S256;
import static org.keycloak.OAuth2Constants.RESPONSE_TYPE;

/**
 * What Auth0's API reference demands of an authorization request beyond what Keycloak checks, held against the
 * request Keycloak parses: the request's parameters (which keep their names in Keycloak's form) and, with a request
 * object (JAR), its claims, each replacing the parameter of its name as Keycloak's parser does. The checks run
 * once the client is known, so that an encrypted object can be read with the realm's keys. Keycloak's own checks
 * (signature, redirect URI, scopes, client policies) follow.
 */
public final class Auth0RequestChecks {

    /** Auth0 parameters that must be mapped, which a request object cannot be. */
    private static final List<String> UNMAPPABLE_IN_REQUEST_OBJECT = List.of(Auth0Parameters.AUDIENCE,
            Auth0Parameters.RESOURCE, Auth0Parameters.ORGANIZATION, Auth0Parameters.CONNECTION,
            Auth0Parameters.SCREEN_HINT, Auth0Parameters.INVITATION);

    private Auth0RequestChecks() {
    }

    /**
     * At /oauth/par, after Keycloak authenticated {@code client}: a request object if the client requires one,
     * response_type code, PKCE with S256 only.
     *
     * @return the request Keycloak will parse: the form's parameters, with those of its request object in their place
     */
    static Auth0AuthorizationRequest checkPushed(KeycloakSession session, ClientModel client, Auth0AuthorizationRequest request) {
        SignedRequestObjects.require(client, request.parameters());
        Auth0AuthorizationRequest parsed = asParsed(session, client, request);
        checkPushed(parsed);
        return parsed;
    }

    static void checkPushed(Auth0AuthorizationRequest parsed) {
        checkResponseType(parsed);
        checkPkce(parsed);
    }

    /**
     * At /authorize without a pushed request, for the client it names: a request object if the client requires one,
     * PKCE with S256 only. The response type is Keycloak's to check against what the client may use.
     *
     * @return the request Keycloak will parse: the form's parameters, with those of its request object in their place
     */
    public static Auth0AuthorizationRequest checkDirect(KeycloakSession session, ClientModel client, Auth0AuthorizationRequest request) {
        SignedRequestObjects.require(client, request.parameters());
        Auth0AuthorizationRequest parsed = asParsed(session, client, request);
        checkPkce(parsed);
        return parsed;
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

    /**
     * The request as Keycloak parses it: the checked parameters keep their names in Keycloak's form, and a request
     * object's claims take the place of the parameters of their names.
     */
    private static Auth0AuthorizationRequest asParsed(KeycloakSession session, ClientModel client, Auth0AuthorizationRequest request) {
        return asParsed(request, client.getClientId(), encrypted -> RequestObjectClaims.decryptWithRealmKeys(session, encrypted));
    }

    static Auth0AuthorizationRequest asParsed(Auth0AuthorizationRequest request, String clientId, Function<JWE, byte[]> decryption) {
        Optional<String> requestObject = request.get(Auth0Parameters.REQUEST);
        if (requestObject.isEmpty()) {
            return request;
        }
        JsonNode claims = RequestObjectClaims.of(requestObject.get(), decryption);
        checkRequestObject(claims, clientId);
        MultivaluedMap<String, String> parsed = new MultivaluedHashMap<>(request.parameters());
        claims.fields().forEachRemaining(claim -> parsed.putSingle(claim.getKey(), asParameter(claim.getValue())));
        return Auth0AuthorizationRequest.of(parsed);
    }

    private static void checkRequestObject(JsonNode claims, String clientId) {
        if (!clientId.equals(claims.path(CLIENT_ID).asText(null))) {
            throw OAuthError.invalidRequestObject("the request object's client_id must be the client's");
        }
        if (claims.has(CarriedAuthorizationDetails.PARAMETER)) {
            // Checked details travel under this name: a claim of it would reach the login unchecked.
            throw OAuthError.invalidRequestObject("\"" + CarriedAuthorizationDetails.PARAMETER + "\" is not a request "
                    + "parameter; send authorization_details");
        }
        for (String name : UNMAPPABLE_IN_REQUEST_OBJECT) {
            if (claims.has(name)) {
                throw OAuthError.invalidRequestObject("\"" + name + "\" is not supported inside a request object; "
                        + "send it as a parameter of a request without one");
            }
        }
    }

    /** As Keycloak reads a claim as a parameter: a value as its text, an object or array as its JSON. */
    private static String asParameter(JsonNode claim) {
        return claim.isValueNode() ? claim.asText() : claim.toString();
    }
}
