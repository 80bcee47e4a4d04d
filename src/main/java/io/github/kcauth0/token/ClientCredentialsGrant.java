package io.github.kcauth0.token;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.tenant.ClientGrants;
import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/**
 * Auth0's client-credentials grant: {@code audience} names the API (required, as at Auth0), and the token carries
 * that API in {@code aud} and the permissions granted for it in {@code scope}. Keycloak's token endpoint runs it
 * with the API's client scope and the granted permission scopes requested, so that Keycloak authenticates the
 * client first and then checks that those are the client's scopes: an API that is not is {@code 403 access_denied},
 * answered only to an authenticated client.
 */
final class ClientCredentialsGrant {

    static final String AUDIENCE = "audience";
    static final String ACCESS_DENIED = "access_denied";

    private ClientCredentialsGrant() {
    }

    /** Replaces {@code audience} and {@code scope} with the scopes Keycloak is asked for. */
    static void mapAudience(RealmModel realm, MultivaluedMap<String, String> keycloakForm) {
        String audience = keycloakForm.getFirst(AUDIENCE);
        if (audience == null) {
            // Auth0's answer for a tenant without a default audience
            throw new OAuthError(403, ACCESS_DENIED, "No audience parameter was provided, and no default audience has been configured");
        }
        if (audience.chars().anyMatch(c -> c <= ' ')) {
            throw OAuthError.invalidRequest("Invalid parameter: audience");
        }
        keycloakForm.remove(AUDIENCE);
        String clientId = keycloakForm.getFirst(OAuth2Constants.CLIENT_ID);
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        Set<String> granted = client == null ? null : ClientGrants.granted(client, audience);
        String requested = keycloakForm.getFirst(OAuth2Constants.SCOPE);
        Set<String> permissions = new LinkedHashSet<>();
        if (requested != null) {
            permissions.addAll(Arrays.asList(requested.trim().split(" +")));
            if (granted != null) {
                permissions.retainAll(granted);
            }
        } else if (granted != null) {
            permissions.addAll(granted);
        }
        permissions.remove(audience);
        permissions.remove("");
        keycloakForm.putSingle(OAuth2Constants.SCOPE, audience + (permissions.isEmpty() ? "" : " " + String.join(" ", permissions)));
    }

    /** Keycloak's scope check failed after it authenticated the client: the API is not one granted to it. */
    static OAuthError denied(OAuthError keycloakRejection, String audience) {
        if (!OAuthError.INVALID_SCOPE.equals(keycloakRejection.error())) {
            return keycloakRejection;
        }
        return OAuthError.recordedByKeycloak(403, ACCESS_DENIED, "Client is not authorized to access \"" + audience + "\"");
    }
}
