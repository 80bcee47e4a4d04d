package io.github.kcauth0.par;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.kcauth0.rar.ApiAuthorizationDetailsTypes;
import io.github.kcauth0.rar.CarriedAuthorizationDetails;
import io.github.kcauth0.rar.LoginParameterLimits;

import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/** {@link RealmLookups} answered by Keycloak's models, for the client Keycloak authenticated. */
final class KeycloakRealmLookups implements RealmLookups {

    /** Keycloak's ids of organizations: UUIDs. */
    /** Keycloak's own organization ids, and Auth0's ({@code org_…}), which the tenant import keeps. */
    private static final Pattern KEYCLOAK_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|org_[A-Za-z0-9]{1,32}");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ClientModel client;
    private final boolean scopesCheckedByKeycloak;

    /**
     * @param scopesCheckedByKeycloak whether Keycloak's own scope check follows in this request (a push), which
     *                                looks up the client's scopes and the organization anyway
     */
    KeycloakRealmLookups(KeycloakSession session, ClientModel client, boolean scopesCheckedByKeycloak) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.client = client;
        this.scopesCheckedByKeycloak = scopesCheckedByKeycloak;
    }

    /**
     * Where Keycloak's scope check follows, a name is left to it, so that the client's scopes (a map Keycloak builds
     * on every call) are walked once per push, not three times; only the names that check lets through without
     * a client scope ({@code openid}, an organization scope) are answered here.
     */
    @Override
    public boolean clientMayRequestScope(String name) {
        if (scopesCheckedByKeycloak) {
            return !OAuth2Constants.SCOPE_OPENID.equals(name) && !name.startsWith(Auth0ParameterMapping.ORGANIZATION_SCOPE_PREFIX);
        }
        return client.getClientScopes(false).containsKey(name) || client.getClientScopes(true).containsKey(name);
    }

    /**
     * By alias, then id: each an indexed query. Auth0's organization name is Keycloak's alias (both the URL-safe
     * identifier); Keycloak's name is a display name, which Keycloak can only find by a search that also matches
     * domains and grows with the realm, so it is not looked up. Where Keycloak's own scope check follows in the
     * same request (a push), an alias is left to it, so that the organization is looked up once, not twice;
     * only a value in the form of Keycloak's ids is looked up here, in Keycloak's cache.
     */
    @Override
    public Optional<String> organizationAlias(String idOrAlias) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null || !realm.isOrganizationsEnabled()) {
            return Optional.empty();
        }
        Optional<OrganizationModel> byId = KEYCLOAK_ID.matcher(idOrAlias).matches()
                ? Optional.ofNullable(organizations.getById(idOrAlias)) : Optional.empty();
        if (byId.isEmpty() && scopesCheckedByKeycloak) {
            return Optional.of(idOrAlias);
        }
        return byId.or(() -> Optional.ofNullable(organizations.getByAlias(idOrAlias)))
                .filter(OrganizationModel::isEnabled)
                .map(OrganizationModel::getAlias);
    }

    @Override
    public Set<String> processedByKeycloak() {
        return CarriedAuthorizationDetails.processedByKeycloak(session);
    }

    /** The client's own scope of that name, from the two maps Keycloak keeps of them: never a walk of the realm. */
    @Override
    public Optional<Set<String>> registeredOn(String api) {
        ClientScopeModel scope = client.getClientScopes(false).get(api);
        if (scope == null) {
            scope = client.getClientScopes(true).get(api);
        }
        return Optional.ofNullable(scope).map(ApiAuthorizationDetailsTypes::of);
    }

    @Override
    public boolean clientRequiresConsent() {
        return client.isConsentRequired();
    }

    @Override
    public LoginParameterLimits loginParameterLimits() {
        return LoginParameterLimits.of(session, scopesCheckedByKeycloak);
    }
}
