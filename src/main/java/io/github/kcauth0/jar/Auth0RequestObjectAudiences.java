package io.github.kcauth0.jar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.kcauth0.token.Auth0IdTokens;

import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.endpoints.request.AuthzEndpointRequestParser;
import org.keycloak.services.Urls;

/**
 * Auth0's docs and SDKs address a request object to {@code https://{domain}/}, the issuer with a trailing slash;
 * Keycloak's {@code secure-request-object} executor (FAPI's message-signing profiles) wants the realm's issuer
 * exactly. On this extension's /authorize only, a request object addressed to Auth0's form is checked as if
 * addressed to the issuer, as client assertions are ({@code Auth0AssertionAudiences}): Keycloak still checks
 * the signature, {@code exp}, {@code nbf} and the rest.
 */
public final class Auth0RequestObjectAudiences {

    private static final String AUD = "aud";
    /** Session attribute set by /authorize before Keycloak's authorization endpoint reads the request. */
    private static final String ON_AUTH0_AUTHORIZE = Auth0RequestObjectAudiences.class.getName();

    private Auth0RequestObjectAudiences() {
    }

    public static void acceptOnThisRequest(KeycloakSession session) {
        session.setAttribute(ON_AUTH0_AUTHORIZE, Boolean.TRUE);
    }

    /**
     * Replaces, in the request object Keycloak parsed for this request, an {@code aud} of Auth0's form by the
     * realm's issuer: on this extension's /authorize only, before Keycloak's executor compares it.
     */
    static void normalize(KeycloakSession session) {
        if (session.getAttribute(ON_AUTH0_AUTHORIZE) == null
                || !(session.getAttribute(AuthzEndpointRequestParser.AUTHZ_REQUEST_OBJECT) instanceof ObjectNode parsed)) {
            return;
        }
        String issuer = Urls.realmIssuer(session.getContext().getUri().getBaseUri(), session.getContext().getRealm().getName());
        JsonNode normalized = normalized(parsed.get(AUD), issuer);
        if (normalized != null) {
            ObjectNode claims = parsed.deepCopy();
            claims.set(AUD, normalized);
            session.setAttribute(AuthzEndpointRequestParser.AUTHZ_REQUEST_OBJECT, claims);
        }
    }

    /** @return the audience with Auth0's form of {@code issuer} replaced by {@code issuer}, or null if it has none */
    static JsonNode normalized(JsonNode audience, String issuer) {
        String auth0Form = Auth0IdTokens.issuer(issuer);
        if (audience == null) {
            return null;
        }
        if (audience.isTextual()) {
            return auth0Form.equals(audience.asText()) ? TextNode.valueOf(issuer) : null;
        }
        if (!audience.isArray()) {
            return null;
        }
        boolean changed = false;
        ArrayNode audiences = ((ArrayNode) audience).arrayNode();
        for (JsonNode value : audience) {
            boolean auth0 = value.isTextual() && auth0Form.equals(value.asText());
            changed |= auth0;
            audiences.add(auth0 ? TextNode.valueOf(issuer) : value);
        }
        return changed ? audiences : null;
    }
}
