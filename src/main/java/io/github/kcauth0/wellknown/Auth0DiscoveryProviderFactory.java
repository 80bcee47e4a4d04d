package io.github.kcauth0.wellknown;

import io.github.kcauth0.realm.Auth0ParSettings;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCWellKnownProviderFactory;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.keycloak.services.resources.RealmsResource;
import org.keycloak.urls.UrlType;
import org.keycloak.wellknown.WellKnownProvider;

/**
 * The realm's {@code .well-known/openid-configuration} for Auth0's discovery-based SDKs: Keycloak's own document,
 * whose pushed authorization request endpoint is this extension's {@code /oauth/par}, where Auth0's parameters
 * ({@code audience}, {@code organization}, ...) have their meaning. Issuer, keys and every other endpoint stay
 * Keycloak's, so the ID tokens such a client gets from the listed token endpoint carry the listed issuer.
 * Keycloak serves, for an alias, the provider of lowest priority; its own has 100.
 */
public final class Auth0DiscoveryProviderFactory extends WellKnownDocumentFactory {

    public static final String PROVIDER_ID = "auth0-openid-configuration";

    @Override
    public WellKnownProvider create(KeycloakSession session) {
        WellKnownProvider keycloakDocument = session.getProvider(WellKnownProvider.class, OIDCWellKnownProviderFactory.PROVIDER_ID);
        return document(() -> {
            Object document = keycloakDocument.getConfig();
            RealmModel realm = session.getContext().getRealm();
            if (Auth0ParSettings.discoveryListsAuth0Endpoints(realm) && document instanceof OIDCConfigurationRepresentation oidc) {
                String auth0Par = RealmsResource.realmBaseUrl(session.getContext().getUri(UrlType.BACKEND))
                        .path("oauth/par").build(realm.getName()).toString();
                oidc.setPushedAuthorizationRequestEndpoint(auth0Par);
                // RFC 8705 §5: a client authenticating with a certificate pushes to the alias; /oauth/par takes one too
                if (oidc.getMtlsEndpointAliases() != null) {
                    oidc.getMtlsEndpointAliases().setPushedAuthorizationRequestEndpoint(auth0Par);
                }
            }
            return document;
        });
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
}
