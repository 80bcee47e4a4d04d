package io.github.kcauth0.par;

import io.github.kcauth0.rar.AuthorizationDetailsConsent;
import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.OAuthErrorException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.par.clientpolicy.context.PushedAuthorizationRequestContext;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.context.PreAuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * {@link PushedRequestBinding} for Keycloak's own endpoints, as a client-policy executor: a request pushed to
 * Keycloak's PAR endpoint gets the binding (Keycloak stores the very form it hands to client policies), and
 * Keycloak's authorization endpoint refuses a {@code request_uri} not bound to its realm and client, before it
 * reads the request, so that a refused attempt does not consume it. Fails closed: a request pushed where no
 * binding was added (a realm without this executor) is refused too. It also gives the login the
 * {@code authorization_details} pushed beside a request object ({@link PushedObjectAuthorizationDetails}).
 */
final class PushedRequestBindingExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private final KeycloakSession session;

    PushedRequestBindingExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return PushedRequestBindingExecutorFactory.ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() == ClientPolicyEvent.PUSHED_AUTHORIZATION_REQUEST) {
            bind(((PushedAuthorizationRequestContext) context).getRequestParameters());
        } else if (context.getEvent() == ClientPolicyEvent.PRE_AUTHORIZATION_REQUEST) {
            PreAuthorizationRequestContext authorization = (PreAuthorizationRequestContext) context;
            String requestUri = authorization.getRequestParameters().getFirst(OIDCLoginProtocol.REQUEST_URI_PARAM);
            check(requestUri, authorization.getClientId());
            PushedObjectAuthorizationDetails.remember(session, requestUri);
        } else if (context.getEvent() == ClientPolicyEvent.AUTHORIZATION_REQUEST) {
            AuthenticationSessionModel login = ((AuthorizationRequestContext) context).getAuthenticationSession();
            PushedObjectAuthorizationDetails.carryInto(session, login);
            AuthorizationDetailsConsent.askAgain(session, login);
        }
    }

    /** Keycloak's PAR endpoint has authenticated the client by now. */
    private void bind(MultivaluedMap<String, String> pushed) {
        ClientModel client = session.getContext().getClient();
        if (client != null) {
            PushedRequestBinding.addTo(session, pushed, client.getClientId());
        }
    }

    private void check(String requestUri, String clientId) throws ClientPolicyException {
        if (requestUri != null && !PushedRequestBinding.allows(session, requestUri, clientId)) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_REQUEST_URI, PushedRequestBinding.REFUSAL);
        }
    }
}
