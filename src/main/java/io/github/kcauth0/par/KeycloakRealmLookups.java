package io.github.kcauth0.par;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.protocol.oidc.rar.AuthorizationDetailsProcessor;
import org.keycloak.provider.ProviderFactory;

/** {@link RealmLookups} answered by Keycloak's models for the current realm. */
final class KeycloakRealmLookups implements RealmLookups {

    private final KeycloakSession session;
    private final RealmModel realm;

    KeycloakRealmLookups(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @Override
    public boolean clientScopeExists(String name) {
        return realm.getClientScopesStream().map(ClientScopeModel::getName).anyMatch(name::equals);
    }

    @Override
    public Optional<String> organizationAlias(String idAliasOrName) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null || !realm.isOrganizationsEnabled()) {
            return Optional.empty();
        }
        OrganizationModel byId = organizations.getById(idAliasOrName);
        if (byId != null) {
            return Optional.of(byId.getAlias());
        }
        return organizations.getAllStream()
                .filter(org -> idAliasOrName.equals(org.getAlias()) || idAliasOrName.equals(org.getName()))
                .map(OrganizationModel::getAlias)
                .findFirst();
    }

    @Override
    public Set<String> authorizationDetailsTypes() {
        return session.getKeycloakSessionFactory().getProviderFactoriesStream(AuthorizationDetailsProcessor.class)
                .map(ProviderFactory::getId)
                .collect(Collectors.toSet());
    }
}
