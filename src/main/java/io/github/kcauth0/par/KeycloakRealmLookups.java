package io.github.kcauth0.par;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    /** By alias (what Keycloak's organization scope names), then id, then exact name: each an indexed query. */
    @Override
    public Optional<String> organizationAlias(String idAliasOrName) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null || !realm.isOrganizationsEnabled()) {
            return Optional.empty();
        }
        return Stream.<Supplier<OrganizationModel>>of(
                        () -> organizations.getByAlias(idAliasOrName),
                        () -> organizations.getById(idAliasOrName),
                        () -> byExactName(organizations, idAliasOrName))
                .map(Supplier::get)
                .filter(Objects::nonNull)
                .findFirst()
                .filter(OrganizationModel::isEnabled)
                .map(OrganizationModel::getAlias);
    }

    /** Keycloak's exact search also matches a domain; only the name counts here. */
    private static OrganizationModel byExactName(OrganizationProvider organizations, String name) {
        return organizations.getAllStream(name, true, 0, 2)
                .filter(organization -> name.equals(organization.getName()))
                .findFirst()
                .orElse(null);
    }

    @Override
    public Set<String> authorizationDetailsTypes() {
        return session.getKeycloakSessionFactory().getProviderFactoriesStream(AuthorizationDetailsProcessor.class)
                .map(ProviderFactory::getId)
                .collect(Collectors.toSet());
    }
}
