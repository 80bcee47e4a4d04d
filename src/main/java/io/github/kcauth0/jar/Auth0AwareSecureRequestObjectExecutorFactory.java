package io.github.kcauth0.jar;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.SecureRequestObjectExecutor;
import org.keycloak.services.clientpolicy.executor.SecureRequestObjectExecutorFactory;

/**
 * Keycloak's {@code secure-request-object} executor, replaced by provider id, also taking Auth0's request object
 * audience {@code https://{domain}/} on this extension's /authorize ({@link Auth0RequestObjectAudiences}).
 * Everywhere else, and for every other check, it is Keycloak's executor.
 */
public final class Auth0AwareSecureRequestObjectExecutorFactory extends SecureRequestObjectExecutorFactory {

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new Auth0AwareSecureRequestObjectExecutor(session);
    }

    private static final class Auth0AwareSecureRequestObjectExecutor extends SecureRequestObjectExecutor {

        private final KeycloakSession session;

        Auth0AwareSecureRequestObjectExecutor(KeycloakSession session) {
            super(session);
            this.session = session;
        }

        @Override
        public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
            if (context.getEvent() == ClientPolicyEvent.AUTHORIZATION_REQUEST) {
                Auth0RequestObjectAudiences.normalize(session);
            }
            super.executeOnEvent(context);
        }
    }
}
