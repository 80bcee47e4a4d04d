package io.github.kcauth0.par;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.protocol.oidc.rar.AuthorizationDetailsProcessor;
import org.keycloak.provider.ProviderFactory;

/** {@link RealmLookups} answered by Keycloak's models, for the client Keycloak authenticated. */
final class KeycloakRealmLookups implements RealmLookups {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ClientModel client;

    KeycloakRealmLookups(KeycloakSession session, ClientModel client) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.client = client;
    }

    @Override
    public boolean clientMayRequestScope(String name) {
        return client.getClientScopes(false).containsKey(name) || client.getClientScopes(true).containsKey(name);
    }

    /**
     * By alias, then id: each an indexed query. Auth0's organization name is Keycloak's alias (both the URL-safe
     * identifier); Keycloak's name is a display name, which Keycloak can only find by a search that also matches
     * domains and grows with the realm, so it is not looked up.
     */
    @Override
    public Optional<String> organizationAlias(String idOrAlias) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null || !realm.isOrganizationsEnabled()) {
            return Optional.empty();
        }
        return Optional.ofNullable(organizations.getByAlias(idOrAlias))
                .or(() -> Optional.ofNullable(organizations.getById(idOrAlias)))
                .filter(OrganizationModel::isEnabled)
                .map(OrganizationModel::getAlias);
    }

    @Override
    public Set<String> authorizationDetailsTypes() {
        return session.getKeycloakSessionFactory().getProviderFactoriesStream(AuthorizationDetailsProcessor.class)
                .map(ProviderFactory::getId)
                .collect(Collectors.toSet());
    }
}
