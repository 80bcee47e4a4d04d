package io.github.kcauth0;

import org.keycloak.models.KeycloakSession;

/** Mounts {@link OAuthResource} at {@code /realms/{realm}/oauth}, where Auth0 serves {@code /oauth/...}. */
public final class OAuthResourceProviderFactory extends EnabledRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "oauth";

    @Override
    Object resource(KeycloakSession session) {
        return new OAuthResource(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
