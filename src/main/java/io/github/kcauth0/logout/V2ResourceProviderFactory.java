package io.github.kcauth0.logout;

import io.github.kcauth0.realm.EnabledRealmResourceProviderFactory;

import org.keycloak.models.KeycloakSession;

/** Mounts Auth0's {@code GET /v2/logout} at {@code /realms/{realm}/v2/logout}. */
public final class V2ResourceProviderFactory extends EnabledRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "v2";

    @Override
    protected Object resource(KeycloakSession session) {
        return LogoutResource.v2(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
