package io.github.kcauth0;

import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.endpoints.UserInfoEndpoint;

/**
 * Mounts Keycloak's own userinfo endpoint at {@code /realms/{realm}/userinfo}, where Auth0 serves
 * {@code GET|POST /userinfo}: the access tokens of both endpoint families carry Keycloak's issuer, so Keycloak's
 * checks, claims and {@code WWW-Authenticate} answers apply unchanged.
 */
public final class UserInfoResourceProviderFactory extends EnabledRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "userinfo";

    @Override
    Object resource(KeycloakSession session) {
        return new UserInfoEndpoint(session, new TokenManager());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
