package io.github.kcauth0.rar;

import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * An administrator registers an API's types by setting one attribute on its client scope, as Auth0 sets them on
 * the API; the claim then needs {@link AuthorizationDetailsMapper} on that scope. The extension's global admin-event
 * listener hands every created or updated client scope here, which adds the mapper once, if types are registered.
 */
public final class AuthorizationDetailsMapperSync {

    private static final String CLIENT_SCOPES_PATH = "client-scopes/";

    private AuthorizationDetailsMapperSync() {
    }

    public static void onAdminEvent(KeycloakSession session, AdminEvent event) {
        boolean scopeWritten = event.getResourceType() == ResourceType.CLIENT_SCOPE
                && (event.getOperationType() == OperationType.CREATE || event.getOperationType() == OperationType.UPDATE);
        String path = event.getResourcePath();
        if (!scopeWritten || path == null || !path.startsWith(CLIENT_SCOPES_PATH) || path.indexOf('/', CLIENT_SCOPES_PATH.length()) >= 0) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        ClientScopeModel scope = realm == null ? null : realm.getClientScopeById(path.substring(CLIENT_SCOPES_PATH.length()));
        if (scope != null) {
            addMapperIfTypesRegistered(scope);
        }
    }

    static void addMapperIfTypesRegistered(ClientScopeModel scope) {
        boolean hasMapper = scope.getProtocolMappersStream()
                .anyMatch(mapper -> AuthorizationDetailsMapper.PROVIDER_ID.equals(mapper.getProtocolMapper()));
        if (!hasMapper && ApiAuthorizationDetailsTypes.registersAny(scope)) {
            scope.addProtocolMapper(AuthorizationDetailsMapper.model());
        }
    }
}
