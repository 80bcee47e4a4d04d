package io.github.kcauth0.userinfo;

import io.github.kcauth0.realm.EnabledRealmResourceProviderFactory;

import org.keycloak.models.KeycloakSession;

/** Mounts {@link UserInfoResource} at {@code /realms/{realm}/userinfo}, where Auth0 serves {@code GET|POST /userinfo}. */
public final class UserInfoResourceProviderFactory extends EnabledRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "userinfo";

    @Override
    protected Object resource(KeycloakSession session) {
        return new UserInfoResource(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
