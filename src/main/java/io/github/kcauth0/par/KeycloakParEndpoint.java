package io.github.kcauth0.par;

import io.github.kcauth0.oauth.KeycloakErrors;
import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.oauth.ReplacedFormHttpRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.par.ParResponse;
import org.keycloak.protocol.oidc.par.endpoints.ParEndpoint;

/**
 * Keycloak's own PAR endpoint, given the mapped request: it authenticates the client, runs Keycloak's checks and
 * client policies, and stores the request where Keycloak's authorization endpoint looks it up (its key format
 * differs between Keycloak releases, so only Keycloak writes it).
 */
final class KeycloakParEndpoint {

    private KeycloakParEndpoint() {
    }

    static ParResponse push(KeycloakSession session, EventBuilder event, MultivaluedMap<String, String> keycloakForm) {
        KeycloakContext context = session.getContext();
        context.setHttpRequest(new ReplacedFormHttpRequest(context.getHttpRequest(), keycloakForm));
        try {
            return (ParResponse) new ParEndpoint(session, event).request().getEntity();
        } catch (WebApplicationException rejected) {
            throw KeycloakErrors.asAuth0(rejected.getResponse(), context.getClient() != null);
        }
    }
}
