package io.github.kcauth0.token;

import io.github.kcauth0.oauth.KeycloakErrors;
import io.github.kcauth0.oauth.ReplacedFormHttpRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.endpoints.TokenEndpoint;
import org.keycloak.representations.AccessTokenResponse;

/** Keycloak's own token endpoint, given the request's parameters: its grants, checks, events and tokens. */
final class KeycloakTokenEndpoint {

    private KeycloakTokenEndpoint() {
    }

    static AccessTokenResponse exchange(KeycloakSession session, EventBuilder event, MultivaluedMap<String, String> form) {
        KeycloakContext context = session.getContext();
        context.setHttpRequest(new ReplacedFormHttpRequest(context.getHttpRequest(), form));
        try {
            return (AccessTokenResponse) new TokenEndpoint(session, new TokenManager(), event).processGrantRequest().getEntity();
        } catch (WebApplicationException rejected) {
            throw KeycloakErrors.asAuth0(rejected.getResponse(), context.getClient() != null);
        }
    }
}
