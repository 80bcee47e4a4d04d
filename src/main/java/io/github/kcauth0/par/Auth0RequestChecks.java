package io.github.kcauth0.par;

import io.github.kcauth0.oauth.ClientCredentials;
import io.github.kcauth0.oauth.OAuthError;

import static org.keycloak.OAuth2Constants.CLIENT_ID;
import static org.keycloak.OAuth2Constants.CODE;
import static org.keycloak.OAuth2Constants.CODE_CHALLENGE;
import static org.keycloak.OAuth2Constants.CODE_CHALLENGE_METHOD;
import static org.keycloak.OAuth2Constants.PKCE_METHOD_S256;
import static org.keycloak.OAuth2Constants.RESPONSE_TYPE;

/**
 * What Auth0's API reference demands of a pushed request beyond what Keycloak checks. Keycloak's own checks
 * (client authentication, redirect URI, scopes, PKCE policy, request objects, client policies) follow.
 */
final class Auth0RequestChecks {

    private final Auth0AuthorizationRequest request;

    Auth0RequestChecks(Auth0AuthorizationRequest request) {
        this.request = request;
    }

    void checkClientId(ClientCredentials credentials) {
        if (!request.has(CLIENT_ID) && credentials.basicClientId().isEmpty()) {
            throw OAuthError.missingParameter(CLIENT_ID);
        }
    }

    void checkResponseType() {
        String responseType = request.get(RESPONSE_TYPE).orElseThrow(() -> OAuthError.missingParameter(RESPONSE_TYPE));
        if (!CODE.equals(responseType)) {
            throw new OAuthError(400, OAuthError.UNSUPPORTED_RESPONSE_TYPE, "Unsupported response_type: only code is allowed");
        }
    }

    /** Auth0 accepts S256 only, and a challenge and its method together. */
    void checkPkce() {
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
}
