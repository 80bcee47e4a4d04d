package io.github.kcauth0.par;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** The executor an administrator adds to a client profile to bind Keycloak's own pushed requests (README, Security). */
public final class PushedRequestBindingExecutorFactory implements ClientPolicyExecutorProviderFactory {

    static final String ID = "pushed-request-realm-binding";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new PushedRequestBindingExecutor(session);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "Binds a pushed authorization request to the realm and client that pushed it: Keycloak's authorization "
                + "endpoint refuses its request_uri elsewhere. Apply it to every client (condition any-client).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
