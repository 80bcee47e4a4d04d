package io.github.kcauth0.rar;

import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;

/**
 * The validated {@code authorization_details} on their way through the login: a parameter of the request Keycloak
 * reads, which it keeps as a note of the login and then of the client session ({@code client_request_param_} and
 * the parameter's name, on 26.4 to 26.7), where {@link AuthorizationDetailsMapper} reads it for every token.
 */
public final class CarriedAuthorizationDetails {

    public static final String PARAMETER = "auth0_authorization_details";
    public static final String NOTE = AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + PARAMETER;

    private CarriedAuthorizationDetails() {
    }
}
