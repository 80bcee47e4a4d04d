package io.github.kcauth0.logout;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * A logout request in either of Auth0's forms, read from the query.
 *
 * @param returnTo where the browser goes afterwards: {@code returnTo} at /v2/logout, {@code post_logout_redirect_uri}
 *                 at /oidc/logout; {@code null} when absent
 */
record LogoutRequest(String clientId, String idTokenHint, String returnTo, String state, String uiLocales) {

    /** {@code /v2/logout?client_id=…&returnTo=…}; {@code federated} is ignored (identity providers are Keycloak's to log out). */
    static LogoutRequest ofV2(MultivaluedMap<String, String> query) {
        return new LogoutRequest(present(query, "client_id"), null, present(query, "returnTo"), null, null);
    }

    /** OpenID Connect RP-initiated logout; {@code logout_hint} is ignored, as Keycloak ignores it. */
    static LogoutRequest ofOidc(MultivaluedMap<String, String> query) {
        return new LogoutRequest(present(query, OIDCLoginProtocol.CLIENT_ID_PARAM), present(query, OIDCLoginProtocol.ID_TOKEN_HINT),
                present(query, OIDCLoginProtocol.POST_LOGOUT_REDIRECT_URI_PARAM), present(query, OIDCLoginProtocol.STATE_PARAM),
                present(query, OIDCLoginProtocol.UI_LOCALES_PARAM));
    }

    /** The parameter's value; an empty one counts as omitted (RFC 6749 §3.1). */
    private static String present(MultivaluedMap<String, String> query, String name) {
        String value = query.getFirst(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
