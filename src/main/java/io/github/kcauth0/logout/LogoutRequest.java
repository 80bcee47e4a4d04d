package io.github.kcauth0.logout;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * A logout request in either of Auth0's forms, read from the query.
 *
 * @param logoutHint Auth0's {@code logout_hint}: the {@code sid} of the session to end
 * @param needsProof whether a session ends at once only with proof, else after the user confirms ({@code /oidc/logout})
 * @param returnTo where the browser goes afterwards: {@code returnTo} at /v2/logout, {@code post_logout_redirect_uri}
 *                 at /oidc/logout; {@code null} when absent
 */
record LogoutRequest(String clientId, String idTokenHint, String logoutHint, String returnTo, String state, String uiLocales,
                     boolean needsProof) {

    static final String LOGOUT_HINT = "logout_hint";

    /**
     * {@code /v2/logout?client_id=…&returnTo=…}: a GET that logs out, as at Auth0; {@code federated} is ignored
     * (identity providers are Keycloak's to log out).
     */
    static LogoutRequest ofV2(MultivaluedMap<String, String> query) {
        return new LogoutRequest(present(query, "client_id"), null, null, present(query, "returnTo"), null, null, false);
    }

    /**
     * OpenID Connect RP-initiated logout: without proof that the application sent it (a verified
     * {@code id_token_hint}, or Auth0's {@code logout_hint}, naming the browser's session), the user confirms.
     */
    static LogoutRequest ofOidc(MultivaluedMap<String, String> query) {
        return new LogoutRequest(present(query, OIDCLoginProtocol.CLIENT_ID_PARAM), present(query, OIDCLoginProtocol.ID_TOKEN_HINT),
                present(query, LOGOUT_HINT), present(query, OIDCLoginProtocol.POST_LOGOUT_REDIRECT_URI_PARAM),
                present(query, OIDCLoginProtocol.STATE_PARAM), present(query, OIDCLoginProtocol.UI_LOCALES_PARAM), true);
    }

    /** The parameter's value; an empty one counts as omitted (RFC 6749 §3.1). */
    private static String present(MultivaluedMap<String, String> query, String name) {
        String value = query.getFirst(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
