package io.github.kcauth0;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts {@link OAuthResource} at {@code /realms/{realm}/oauth}, where Auth0 serves {@code /oauth/...}. */
public final class OAuthResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "oauth";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new OAuthResourceProvider(session);
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

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
