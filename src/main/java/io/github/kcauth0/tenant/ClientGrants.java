package io.github.kcauth0.tenant;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.models.ClientModel;

/**
 * A client's Auth0 client grants, as the import keeps them on the client: the client attribute
 * {@value #ATTRIBUTE}, a JSON object from each API identifier to the permissions granted for it. The
 * client-credentials grant reads it; one attribute of the client, whatever the realm's size.
 */
public final class ClientGrants {

    public static final String ATTRIBUTE = "auth0.client_grants";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClientGrants() {
    }

    /** The permissions granted to the client for the API, or null when it has no grant for it. */
    public static Set<String> granted(ClientModel client, String audience) {
        String value = client.getAttribute(ATTRIBUTE);
        if (value == null) {
            return null;
        }
        try {
            JsonNode permissions = JSON.readTree(value).get(audience);
            if (permissions == null || !permissions.isArray()) {
                return null;
            }
            Set<String> granted = new LinkedHashSet<>();
            permissions.forEach(permission -> granted.add(permission.asText()));
            return granted;
        } catch (Exception unreadable) {
            return null;
        }
    }
}
