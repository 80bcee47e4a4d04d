package io.github.kcauth0.wellknown;

import io.github.kcauth0.realm.Auth0ParSettings;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCWellKnownProviderFactory;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.keycloak.services.resources.RealmsResource;
import org.keycloak.urls.UrlType;
import org.keycloak.wellknown.WellKnownProvider;
import org.keycloak.wellknown.WellKnownProviderFactory;

/**
 * The realm's {@code .well-known/openid-configuration} for Auth0's discovery-based SDKs: Keycloak's own document,
 * whose pushed authorization request endpoint is this extension's {@code /oauth/par}, where Auth0's parameters
 * ({@code audience}, {@code organization}, ...) have their meaning. Issuer, keys and every other endpoint stay
 * Keycloak's, so the ID tokens such a client gets from the listed token endpoint carry the listed issuer.
 * Keycloak serves, for an alias, the provider of lowest priority; its own has 100.
 */
public final class Auth0DiscoveryProviderFactory implements WellKnownProviderFactory {

    public static final String PROVIDER_ID = "auth0-openid-configuration";

    @Override
    public WellKnownProvider create(KeycloakSession session) {
        WellKnownProvider keycloakDocument = session.getProvider(WellKnownProvider.class, OIDCWellKnownProviderFactory.PROVIDER_ID);
        return new WellKnownProvider() {
            @Override
            public Object getConfig() {
                Object document = keycloakDocument.getConfig();
                RealmModel realm = session.getContext().getRealm();
                if (Auth0ParSettings.discoveryListsAuth0Endpoints(realm) && document instanceof OIDCConfigurationRepresentation oidc) {
                    oidc.setPushedAuthorizationRequestEndpoint(RealmsResource.realmBaseUrl(session.getContext().getUri(UrlType.BACKEND))
                            .path("oauth/par").build(realm.getName()).toString());
                }
                return document;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getAlias() {
        return OIDCWellKnownProviderFactory.PROVIDER_ID;
    }

    @Override
    public int getPriority() {
        return 50;
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
