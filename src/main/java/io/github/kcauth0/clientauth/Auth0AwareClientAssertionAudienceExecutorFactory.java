package io.github.kcauth0.clientauth;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.SecureClientAuthenticationAssertionExecutor;
import org.keycloak.services.clientpolicy.executor.SecureClientAuthenticationAssertionExecutorFactory;

/**
 * Keycloak's {@code secure-client-authentication-assertion} executor (FAPI 2.0: a client assertion's {@code aud}
 * is the issuer and nothing else), replaced by provider id, also taking Auth0's spelling of the issuer,
 * {@code https://{domain}/}, on this extension's /oauth/par and /oauth/token. The client authenticator has
 * verified the assertion already; everywhere else this is Keycloak's executor.
 */
public final class Auth0AwareClientAssertionAudienceExecutorFactory extends SecureClientAuthenticationAssertionExecutorFactory {

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new Auth0AwareClientAssertionAudienceExecutor(session);
    }

    private static final class Auth0AwareClientAssertionAudienceExecutor extends SecureClientAuthenticationAssertionExecutor {

        private final KeycloakSession session;

        Auth0AwareClientAssertionAudienceExecutor(KeycloakSession session) {
            super(session);
            this.session = session;
        }

        @Override
        public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
            if (!Auth0AssertionAudiences.addressedToAuth0IssuerAlone(session)) {
                super.executeOnEvent(context);
            }
        }
    }
}
