package io.github.kcauth0.logout;

import io.github.kcauth0.realm.EnabledRealmResourceProviderFactory;

import org.keycloak.models.KeycloakSession;

/** Mounts Auth0's {@code GET /oidc/logout} (OpenID Connect RP-initiated logout) at {@code /realms/{realm}/oidc/logout}. */
public final class OidcResourceProviderFactory extends EnabledRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "oidc";

    @Override
    protected Object resource(KeycloakSession session) {
        return LogoutResource.oidc(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
