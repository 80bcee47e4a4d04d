package io.github.kcauth0;

import io.github.kcauth0.realm.Auth0ParSettings;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class OAuthResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    OAuthResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    /** {@code null} makes Keycloak answer 404, as if the extension were not installed. */
    @Override
    public Object getResource() {
        return Auth0ParSettings.isEnabled(session.getContext().getRealm()) ? new OAuthResource(session) : null;
    }

    @Override
    public void close() {
    }
}
