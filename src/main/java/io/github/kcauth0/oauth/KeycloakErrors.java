package io.github.kcauth0.oauth;

import jakarta.ws.rs.core.Response;

import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/**
 * Auth0's form of the errors Keycloak's own endpoints answer. Keycloak has already recorded them as events.
 * Auth0 answers 401 {@code invalid_client} whenever client authentication fails, where Keycloak's endpoints say
 * 401 {@code invalid_request} (PAR) or {@code unauthorized_client} (a missing secret); every other OAuth error
 * is a 400 (RFC 6749 §5.2), also Keycloak's 401 {@code unauthorized_client} for an authenticated client.
 */
public final class KeycloakErrors {

    private static final String INVALID_SCOPES_PREFIX = "Invalid scopes";

    private KeycloakErrors() {
    }

    /** @param clientAuthenticated whether Keycloak authenticated the client before it rejected the request */
    public static OAuthError asAuth0(Response keycloakAnswer, boolean clientAuthenticated) {
        int status = keycloakAnswer.getStatus();
        OAuth2ErrorRepresentation body = keycloakAnswer.getEntity() instanceof OAuth2ErrorRepresentation representation
                ? representation : null;
        String error = body != null && body.getError() != null ? body.getError() : defaultError(status);
        String description = body != null && body.getErrorDescription() != null
                ? body.getErrorDescription() : defaultDescription(status);

        if (status == 401 || OAuthError.INVALID_CLIENT.equals(error)) {
            return clientAuthenticated && !OAuthError.INVALID_CLIENT.equals(error)
                    ? OAuthError.recordedByKeycloak(400, error, description)
                    : OAuthError.recordedByKeycloak(401, OAuthError.INVALID_CLIENT, "Client authentication failed");
        }
        // Keycloak's PAR endpoint reports its scope check as invalid_request; the check's own code is invalid_scope.
        if (OAuthError.INVALID_REQUEST.equals(error) && description.startsWith(INVALID_SCOPES_PREFIX)) {
            return OAuthError.recordedByKeycloak(status, OAuthError.INVALID_SCOPE, description);
        }
        return OAuthError.recordedByKeycloak(status, error, description);
    }

    private static String defaultError(int status) {
        return switch (status) {
            case 401 -> OAuthError.INVALID_CLIENT;
            case 403 -> "access_denied";
            default -> status >= 500 ? "server_error" : OAuthError.INVALID_REQUEST;
        };
    }

    private static String defaultDescription(int status) {
        return status == 403 ? "Access denied" : "The request was rejected";
    }
}
