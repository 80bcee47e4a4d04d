package io.github.kcauth0.rar;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.util.JsonSerialization;

/**
 * The {@code authorization_details} types an API registers, kept where Auth0 keeps them, on the API: the
 * attribute {@value #ATTRIBUTE} of the API's client scope holds Auth0's resource-server field as it is,
 * {@code [{"type": "payment_initiation"}, …]}.
 */
public final class ApiAuthorizationDetailsTypes {

    public static final String ATTRIBUTE = "auth0.authorization_details_types";

    private static final Logger LOG = Logger.getLogger(ApiAuthorizationDetailsTypes.class);

    private ApiAuthorizationDetailsTypes() {
    }

    public static boolean registersAny(ClientScopeModel api) {
        return !of(api).isEmpty();
    }

    /** The types of the scope's attribute; none when it is absent or not Auth0's form (logged). */
    public static Set<String> of(ClientScopeModel api) {
        return parse(api.getAttribute(ATTRIBUTE), api.getName());
    }

    /** The types the APIs of a login or a token register together. */
    static Set<String> ofAll(ClientSessionContext login) {
        return login.getClientScopesStream().flatMap(scope -> of(scope).stream()).collect(Collectors.toSet());
    }

    static Set<String> parse(String attribute, String api) {
        if (attribute == null || attribute.isBlank()) {
            return Set.of();
        }
        Set<String> types = new LinkedHashSet<>();
        try {
            JsonNode registered = JsonSerialization.mapper.readTree(attribute);
            if (registered != null && registered.isArray()) {
                for (JsonNode type : registered) {
                    if (type.path("type").isTextual()) {
                        types.add(type.get("type").asText());
                    }
                }
                return types;
            }
        } catch (Exception e) {
            // answered below
        }
        LOG.warnf("Client scope %s: attribute %s is not a JSON array of {\"type\": …} objects; no type is registered", api, ATTRIBUTE);
        return Set.of();
    }
}
