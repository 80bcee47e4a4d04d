package io.github.kcauth0.wellknown;

import io.github.kcauth0.realm.Auth0ParSettings;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.utils.JWKSServerUtils;
import org.keycloak.wellknown.WellKnownProvider;
import org.keycloak.wellknown.WellKnownProviderFactory;

/**
 * {@code GET /realms/{realm}/.well-known/jwks.json}, where Auth0's SDKs fetch the keys of {@code https://{domain}/}:
 * the realm's public keys, as Keycloak's {@code protocol/openid-connect/certs} serves them. In realms without
 * the extension there is no provider, and Keycloak answers 404.
 */
public final class JwksJsonProviderFactory implements WellKnownProviderFactory {

    public static final String PROVIDER_ID = "auth0-jwks-json";

    @Override
    public WellKnownProvider create(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        if (!Auth0ParSettings.isEnabled(realm)) {
            return null;
        }
        return new WellKnownProvider() {
            @Override
            public Object getConfig() {
                return JWKSServerUtils.getRealmJwks(session, realm);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getAlias() {
        return "jwks.json";
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
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
