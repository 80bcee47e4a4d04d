package io.github.kcauth0.rar;

import java.util.Set;
import java.util.stream.Collectors;

import io.github.kcauth0.oauth.OAuthError;

import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.protocol.oidc.rar.AuthorizationDetailsProcessor;
import org.keycloak.provider.ProviderFactory;

/**
 * The validated {@code authorization_details} on their way through the login: a parameter of the request Keycloak
 * reads, which it keeps as a note of the login and then of the client session ({@code client_request_param_} and
 * the parameter's name, on 26.4 to 26.7), where {@link AuthorizationDetailsMapper} reads it for every token.
 */
public final class CarriedAuthorizationDetails {

    public static final String PARAMETER = "auth0_authorization_details";
    public static final String NOTE = AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + PARAMETER;
    /** Where Keycloak 26.4 to 26.7 keep a request's (or a request object's) own authorization_details. */
    static final String KEYCLOAKS_NOTE = AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX
            + AuthorizationDetails.PARAMETER;

    private CarriedAuthorizationDetails() {
    }

    /** The types a Keycloak {@code AuthorizationDetailsProcessor} handles (stock Keycloak: {@code openid_credential}). */
    public static Set<String> processedByKeycloak(KeycloakSession session) {
        return session.getKeycloakSessionFactory().getProviderFactoriesStream(AuthorizationDetailsProcessor.class)
                .map(ProviderFactory::getId)
                .collect(Collectors.toSet());
    }

    /**
     * Once the login is done, before its code is issued: details Keycloak 26.4 and 26.5 kept under their own name (a
     * request object's claim) are carried like the others when each type is registered on an API the login was
     * granted, and taken from Keycloak's notes (26.5's processors read {@code authorization_details} at the token
     * endpoint). Anything else stays Keycloak's: its own types, and what no API of the login registers.
     */
    public static void takeFromKeycloaksNotes(KeycloakSession session, ClientSessionContext login) {
        AuthenticatedClientSessionModel clientSession = login.getClientSession();
        String json = clientSession.getNote(KEYCLOAKS_NOTE);
        if (json == null) {
            return;
        }
        AuthorizationDetails details;
        try {
            details = AuthorizationDetails.parse(json);
        } catch (OAuthError notDetails) {
            return;
        }
        Set<String> registered = ApiAuthorizationDetailsTypes.ofAll(login);
        if (processedByKeycloak(session).containsAll(details.types()) || !registered.containsAll(details.types())) {
            return;
        }
        clientSession.setNote(NOTE, json);
        clientSession.removeNote(KEYCLOAKS_NOTE);
        clientSession.removeNote(AuthorizationDetails.PARAMETER);
    }
}
