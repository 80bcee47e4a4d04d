package io.github.kcauth0.authorize;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.constants.AdapterConstants;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.AuthorizationEndpointBase;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.services.util.AuthenticationFlowURLHelper;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak before 26.7 keeps a pushed request's {@code kc_idp_hint} and {@code prompt} as notes of the login but
 * then ignores them (keycloak#47229, keycloak#49255): it reads {@code kc_idp_hint} only from the query of the
 * login flow's URL and {@code prompt=create} only from the authorization request's own parameters, which for a
 * pushed request are just {@code client_id} and {@code request_uri}. So Auth0's {@code connection} and
 * {@code screen_hint=signup} would do nothing there. Where Keycloak's answer sends the browser into the login
 * flow, this sends it where those notes say, as Keycloak 26.7 does by itself: to the registration form, or into
 * the login flow with the identity provider's alias in the URL. On 26.7 the alias in the URL is the one the
 * note holds, and a pushed {@code prompt=create} is answered with the registration form, not a redirect.
 */
final class PushedRequestHints {

    private PushedRequestHints() {
    }

    static Response apply(KeycloakSession session, Response keycloakAnswer) {
        AuthenticationSessionModel login = session.getContext().getAuthenticationSession();
        if (login == null || !isRedirectIntoLoginFlow(keycloakAnswer, flowUrl(session, login))) {
            return keycloakAnswer;
        }
        if (OIDCLoginProtocol.PROMPT_VALUE_CREATE.equals(login.getClientNote(OIDCLoginProtocol.PROMPT_PARAM))) {
            return redirect(keycloakAnswer, registrationUrl(session, login));
        }
        String identityProvider = login.getClientNote(AdapterConstants.KC_IDP_HINT);
        if (identityProvider != null) {
            return redirect(keycloakAnswer, IdentityProviderHint.addedTo(keycloakAnswer.getLocation(), identityProvider));
        }
        return keycloakAnswer;
    }

    private static boolean isRedirectIntoLoginFlow(Response keycloakAnswer, URI flowUrl) {
        return keycloakAnswer.getStatus() == Response.Status.FOUND.getStatusCode()
                && flowUrl.equals(keycloakAnswer.getLocation());
    }

    /** What Keycloak's registration endpoint sets for prompt=create: the login becomes a registration. */
    private static URI registrationUrl(KeycloakSession session, AuthenticationSessionModel login) {
        login.setAuthNote(AuthenticationProcessor.CURRENT_FLOW_PATH, LoginActionsService.REGISTRATION_PATH);
        login.setClientNote(AuthorizationEndpointBase.APP_INITIATED_FLOW, LoginActionsService.REGISTRATION_PATH);
        return flowUrl(session, login);
    }

    private static URI flowUrl(KeycloakSession session, AuthenticationSessionModel login) {
        KeycloakContext context = session.getContext();
        return new AuthenticationFlowURLHelper(session, context.getRealm(), context.getUri()).getLastExecutionUrl(login);
    }

    /** Keycloak's answer, sending the browser elsewhere. */
    private static Response redirect(Response keycloakAnswer, URI location) {
        return Response.fromResponse(keycloakAnswer).location(location).build();
    }
}
