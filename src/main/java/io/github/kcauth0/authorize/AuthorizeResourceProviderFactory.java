package io.github.kcauth0.authorize;

import io.github.kcauth0.realm.EnabledRealmResourceProviderFactory;

import org.keycloak.models.KeycloakSession;

/** Mounts {@link AuthorizeResource} at {@code /realms/{realm}/authorize}, where Auth0 serves {@code /authorize}. */
public final class AuthorizeResourceProviderFactory extends EnabledRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "authorize";

    @Override
    protected Object resource(KeycloakSession session) {
        return new AuthorizeResource(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
