package io.github.kcauth0.oauth;

import jakarta.ws.rs.core.Response;

import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/**
 * Auth0's form of the errors Keycloak's own endpoints answer. Keycloak has already recorded them as events.
 * Auth0 answers 401 {@code invalid_client} whenever client authentication fails, whichever authenticator failed,
 * where Keycloak's endpoints say 401 {@code invalid_request} (PAR), 401 {@code unauthorized_client} (a wrong or
 * missing secret) or 400 {@code unauthorized_client} (client_secret_jwt); every other OAuth error is a 400
 * (RFC 6749 §5.2), also Keycloak's 401 {@code unauthorized_client} for an authenticated client.
 */
public final class KeycloakErrors {

    private static final String INVALID_SCOPES_PREFIX = "Invalid scopes";
    /** Auth0's and RFC 9449 §5's code for a DPoP proof that is missing, invalid, replayed or of another key. */
    static final String INVALID_DPOP_PROOF = "invalid_dpop_proof";

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

        if (clientAuthenticationFailed(status, error, clientAuthenticated)) {
            return OAuthError.recordedByKeycloak(401, OAuthError.INVALID_CLIENT, "Client authentication failed");
        }
        if (status == 401) {
            // an authenticated client's unauthorized_client: not an authentication failure, so a 400 (RFC 6749 §5.2)
            return OAuthError.recordedByKeycloak(400, error, description);
        }
        // Keycloak's PAR endpoint reports its scope check as invalid_request; the check's own code is invalid_scope.
        if (OAuthError.INVALID_REQUEST.equals(error) && description.startsWith(INVALID_SCOPES_PREFIX)) {
            return OAuthError.recordedByKeycloak(status, OAuthError.INVALID_SCOPE, description);
        }
        if (dpopProofRefused(status, error, description)) {
            return OAuthError.recordedByKeycloak(400, INVALID_DPOP_PROOF, description);
        }
        return OAuthError.recordedByKeycloak(status, error, description);
    }

    /**
     * Keycloak sets the context's client only once it authenticated it ({@code AuthorizeClientUtil}); before that,
     * an {@code unauthorized_client} or a 401 comes from an authenticator (client_secret_jwt says 400
     * {@code unauthorized_client}).
     */
    private static boolean clientAuthenticationFailed(int status, String error, boolean clientAuthenticated) {
        return OAuthError.INVALID_CLIENT.equals(error)
                || !clientAuthenticated && (status == 401 || OAuthError.UNAUTHORIZED_CLIENT.equals(error));
    }

    /**
     * Keycloak refuses a DPoP proof (its {@code DPoPUtil}: the proof itself, its {@code dpop_jkt}, the key a refresh
     * token is bound to) as a 400 {@code invalid_request} or {@code invalid_grant} whose description, and only
     * then, names DPoP; its event says {@code invalid_dpop_proof}.
     */
    static boolean dpopProofRefused(int status, String error, String description) {
        return status == 400 && (OAuthError.INVALID_REQUEST.equals(error) || "invalid_grant".equals(error))
                && description.contains("DPoP");
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
