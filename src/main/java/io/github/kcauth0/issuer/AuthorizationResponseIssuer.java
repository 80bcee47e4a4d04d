package io.github.kcauth0.issuer;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.github.kcauth0.token.Auth0IdTokens;
import jakarta.ws.rs.core.Response;

import org.keycloak.common.util.HtmlUtils;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.Urls;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * The {@code iss} of an authorization response (RFC 9207) for a login started at this extension's /authorize:
 * Auth0's issuer {@code https://{domain}/}, the issuer a client configured with Auth0's endpoints checks, and the
 * one /oauth/token puts into its ID tokens. A login started at Keycloak's own authorization endpoint keeps
 * Keycloak's. Only the response parameter changes: the tokens keep the issuer Keycloak keeps for the session (its
 * {@code iss} client-session note), which Keycloak's refresh, userinfo and introspection compare exactly.
 * <p>
 * The login's first request is /authorize ({@link #startHere}); it may end there (an SSO session, an error) or
 * in a later request of Keycloak's login pages, so the login's authentication session carries a note too.
 */
public final class AuthorizationResponseIssuer {

    /** Client note of the authentication session, and session attribute of the /authorize request: Auth0's issuer. */
    static final String NOTE = "auth0.authorization_response_iss";
    private static final String ISS = OIDCLoginProtocol.ISSUER;

    private AuthorizationResponseIssuer() {
    }

    /** At /authorize, before Keycloak's authorization endpoint runs: its responses in this request get Auth0's iss. */
    public static void startHere(KeycloakSession session) {
        session.setAttribute(NOTE, Auth0IdTokens.issuer(keycloakIssuer(session)));
    }

    /**
     * At /authorize, once Keycloak's authorization endpoint answered: the login it began, if it goes on, keeps
     * Auth0's issuer for its response; an error the endpoint itself sent to the redirect URI gets it too.
     */
    public static Response answered(KeycloakSession session, Response keycloakAnswer) {
        String auth0Issuer = session.getAttribute(NOTE, String.class);
        AuthenticationSessionModel login = session.getContext().getAuthenticationSession();
        if (auth0Issuer == null) {
            return keycloakAnswer;
        }
        if (login != null && stillPending(session, login)) {
            login.setClientNote(NOTE, auth0Issuer);
        }
        return withIssuer(keycloakAnswer, keycloakIssuer(session), auth0Issuer);
    }

    /** Auth0's issuer, if the login of {@code login} (null when unknown) started at this extension's /authorize. */
    static Optional<String> ofLogin(KeycloakSession session, AuthenticationSessionModel login) {
        String started = session.getAttribute(NOTE, String.class);
        return Optional.ofNullable(started != null || login == null ? started : login.getClientNote(NOTE));
    }

    /** The tab Keycloak removes once its login is over (an SSO session, an error) is not noted again. */
    private static boolean stillPending(KeycloakSession session, AuthenticationSessionModel login) {
        RootAuthenticationSessionModel root = session.authenticationSessions()
                .getRootAuthenticationSession(session.getContext().getRealm(), login.getParentSession().getId());
        return root != null && root.getAuthenticationSession(login.getClient(), login.getTabId()) != null;
    }

    /**
     * Keycloak's redirect carrying {@code iss} = Keycloak's issuer, in its query or fragment (response modes query
     * and fragment) or as a hidden field (form_post), with Auth0's instead. Anything else is returned as it is.
     */
    static Response withIssuer(Response response, String keycloakIssuer, String auth0Issuer) {
        URI location = response.getLocation();
        if (location != null) {
            String rewritten = withIssuer(location.toString(), keycloakIssuer, auth0Issuer);
            return rewritten == null ? response : Response.fromResponse(response).location(URI.create(rewritten)).build();
        }
        if (response.getEntity() instanceof String page) {
            String keycloakField = "NAME=\"" + ISS + "\" VALUE=\"" + HtmlUtils.escapeAttribute(keycloakIssuer) + "\"";
            if (page.contains(keycloakField)) {
                String auth0Field = "NAME=\"" + ISS + "\" VALUE=\"" + HtmlUtils.escapeAttribute(auth0Issuer) + "\"";
                return Response.fromResponse(response).entity(page.replace(keycloakField, auth0Field)).build();
            }
        }
        return response;
    }

    /** @return the URL with its iss parameter (query or fragment) of Keycloak's issuer replaced, or null if none */
    static String withIssuer(String url, String keycloakIssuer, String auth0Issuer) {
        int fragmentStart = url.indexOf('#');
        int queryStart = url.indexOf('?');
        if (queryStart > fragmentStart && fragmentStart >= 0) {
            queryStart = -1;
        }
        String auth0Parameter = ISS + "=" + URLEncoder.encode(auth0Issuer, StandardCharsets.UTF_8);
        StringBuilder rewritten = new StringBuilder(url.length() + 8);
        boolean replaced = false;
        int position = 0;
        for (int start : new int[] {queryStart, fragmentStart}) {
            if (start < 0) {
                continue;
            }
            int end = start == queryStart && fragmentStart >= 0 ? fragmentStart : url.length();
            rewritten.append(url, position, start + 1);
            String[] parameters = url.substring(start + 1, end).split("&", -1);
            for (int i = 0; i < parameters.length; i++) {
                boolean keycloaks = isIssuerParameter(parameters[i], keycloakIssuer);
                replaced |= keycloaks;
                rewritten.append(i == 0 ? "" : "&").append(keycloaks ? auth0Parameter : parameters[i]);
            }
            position = end;
        }
        rewritten.append(url, position, url.length());
        return replaced ? rewritten.toString() : null;
    }

    private static boolean isIssuerParameter(String parameter, String keycloakIssuer) {
        if (!parameter.startsWith(ISS + "=")) {
            return false;
        }
        try {
            return keycloakIssuer.equals(URLDecoder.decode(parameter.substring(ISS.length() + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String keycloakIssuer(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        return Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
    }
}
