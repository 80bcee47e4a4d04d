package io.github.kcauth0.oauth;

import jakarta.ws.rs.core.Response;

import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/**
 * Auth0's form of the errors Keycloak's own endpoints answer. Keycloak has already recorded them as events.
 * Auth0 answers 401 {@code invalid_client} when client authentication fails, where Keycloak's PAR endpoint
 * says 401 {@code invalid_request}; every other OAuth error is a 400 (RFC 6749 §5.2).
 */
public final class KeycloakErrors {

    private static final String INVALID_SCOPES_PREFIX = "Invalid scopes";

    private KeycloakErrors() {
    }

    public static OAuthError asAuth0(Response keycloakAnswer) {
        int status = keycloakAnswer.getStatus();
        OAuth2ErrorRepresentation body = keycloakAnswer.getEntity() instanceof OAuth2ErrorRepresentation representation
                ? representation : null;
        String error = body != null && body.getError() != null ? body.getError() : defaultError(status);
        String description = body != null && body.getErrorDescription() != null
                ? body.getErrorDescription() : defaultDescription(status);

        if (isAuthenticationFailure(status, error)) {
            return OAuthError.recordedByKeycloak(401, OAuthError.INVALID_CLIENT, "Client authentication failed");
        }
        if (status == 401) {
            return OAuthError.recordedByKeycloak(400, error, description);
        }
        // Keycloak's PAR endpoint reports its scope check as invalid_request; the check's own code is invalid_scope.
        if (OAuthError.INVALID_REQUEST.equals(error) && description.startsWith(INVALID_SCOPES_PREFIX)) {
            return OAuthError.recordedByKeycloak(status, OAuthError.INVALID_SCOPE, description);
        }
        return OAuthError.recordedByKeycloak(status, error, description);
    }

    private static boolean isAuthenticationFailure(int status, String error) {
        return OAuthError.INVALID_CLIENT.equals(error)
                || status == 401 && OAuthError.INVALID_REQUEST.equals(error);
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
