package io.github.kcauth0.realm;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * A realm resource served only in realms where the extension is enabled; elsewhere Keycloak answers 404, as if
 * the extension were not installed. The factory id is the path under {@code /realms/{realm}/}.
 */
public abstract class EnabledRealmResourceProviderFactory implements RealmResourceProviderFactory {

    protected abstract Object resource(KeycloakSession session);

    @Override
    public final RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return Auth0ParSettings.isEnabled(session.getContext().getRealm()) ? resource(session) : null;
            }

            @Override
            public void close() {
            }
        };
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
