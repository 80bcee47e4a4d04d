package io.github.kcauth0.tenant;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What the mappers of one import share: the realm, whether this is a dry run, the report, and what earlier mappers
 * created (or, in a dry run, would have created), so that later ones can refer to it.
 */
final class ImportContext {

    /** Set to {@code true} on every object the import created: only these does a later import change. */
    static final String IMPORTED = "auth0.imported";

    final KeycloakSession session;
    final RealmModel realm;
    final boolean dryRun;
    final ImportReport report;
    /** The realm's client scopes by name, read once per import. */
    private final Map<String, ClientScopeModel> clientScopes = new HashMap<>();
    /** Client scopes a dry run would have created. */
    private final Set<String> plannedClientScopes = new HashSet<>();
    /** Client ids the import created or may update (imported before, or now). */
    final Set<String> importedClients = new HashSet<>();
    /** Client ids this import created. */
    final Set<String> createdClients = new HashSet<>();

    ImportContext(KeycloakSession session, RealmModel realm, boolean dryRun) {
        this.session = session;
        this.realm = realm;
        this.dryRun = dryRun;
        this.report = new ImportReport(dryRun);
        realm.getClientScopesStream().forEach(scope -> clientScopes.putIfAbsent(scope.getName(), scope));
    }

    ClientScopeModel clientScope(String name) {
        return clientScopes.get(name);
    }

    void addClientScope(ClientScopeModel scope) {
        clientScopes.put(scope.getName(), scope);
    }

    void planClientScope(String name) {
        plannedClientScopes.add(name);
    }

    /** Whether the realm has, or after this import will have, the client scope. */
    boolean hasClientScope(String name) {
        return clientScopes.containsKey(name) || plannedClientScopes.contains(name);
    }

    static boolean imported(Map<String, String> attributes) {
        return "true".equals(attributes.get(IMPORTED));
    }
}
