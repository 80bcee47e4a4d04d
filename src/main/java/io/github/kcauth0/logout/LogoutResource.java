package io.github.kcauth0.logout;

import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

import io.github.kcauth0.oauth.DamagedQueryGuard;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuthErrorException;
import org.keycloak.TokenVerifier;
import org.keycloak.common.VerificationException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.utils.LogoutUtil;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.representations.IDToken;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.TokenUtil;

/**
 * Auth0's logout, {@code GET /v2/logout} and {@code GET /oidc/logout}: ends the user's Keycloak SSO session in
 * this browser (and, through Keycloak, the sessions of the clients it logged in to) and sends the browser to the
 * return URL when the client lists it among its valid post logout redirect URIs, Auth0's "Allowed Logout URLs".
 * Unlike Keycloak's own logout endpoint, it asks for no confirmation once the client is identified, as Auth0 does.
 * A return URL that the client does not list, or that names no client, gets an error page: never a redirect.
 */
public final class LogoutResource {

    private final KeycloakSession session;
    private final Function<MultivaluedMap<String, String>, LogoutRequest> reader;

    private LogoutResource(KeycloakSession session, Function<MultivaluedMap<String, String>, LogoutRequest> reader) {
        this.session = session;
        this.reader = reader;
    }

    public static LogoutResource v2(KeycloakSession session) {
        return new LogoutResource(session, LogoutRequest::ofV2);
    }

    public static LogoutResource oidc(KeycloakSession session) {
        return new LogoutResource(session, LogoutRequest::ofOidc);
    }

    @GET
    @Path("logout")
    public Response logout() {
        KeycloakContext context = session.getContext();
        EventBuilder event = new EventBuilder(context.getRealm(), session, context.getConnection()).event(EventType.LOGOUT);
        LogoutRequest request = reader.apply(context.getUri().getQueryParameters());
        try {
            if (context.getUri().getQueryParameters().containsKey(DamagedQueryGuard.DAMAGED_QUERY)) {
                throw new Rejected(Errors.INVALID_REQUEST, "Unreadable query", Messages.INVALID_REQUEST);
            }
            IDToken idToken = verifiedIdTokenHint(request.idTokenHint());
            ClientModel client = client(request, idToken);
            if (client != null) {
                context.setClient(client);
                event.client(client);
            }
            return endSession(client, allowedReturnTo(request.returnTo(), client), request);
        } catch (Rejected rejected) {
            event.detail(Details.REASON, rejected.reason).error(rejected.error);
            return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, rejected.message, rejected.parameters);
        }
    }

    /** The ID token hint, checked as Keycloak's logout endpoint checks it: the realm's signature, type ID. */
    private IDToken verifiedIdTokenHint(String idTokenHint) {
        if (idTokenHint == null) {
            return null;
        }
        try {
            IDToken idToken = new TokenManager().verifyIDTokenSignature(session, idTokenHint);
            TokenVerifier.createWithoutSignature(idToken).tokenType(List.of(TokenUtil.TOKEN_TYPE_ID)).verify();
            return idToken;
        } catch (OAuthErrorException | VerificationException e) {
            throw new Rejected(Errors.INVALID_TOKEN, "Invalid id_token_hint", Messages.INVALID_PARAMETER, OIDCLoginProtocol.ID_TOKEN_HINT);
        }
    }

    /** The client named by client_id, else the one the ID token was issued for; null when neither names one. */
    private ClientModel client(LogoutRequest request, IDToken idToken) {
        RealmModel realm = session.getContext().getRealm();
        String issuedFor = idToken == null ? null : idToken.getIssuedFor();
        if (request.clientId() != null && issuedFor != null && !request.clientId().equals(issuedFor)) {
            throw new Rejected(Errors.INVALID_TOKEN, "client_id is not the client the id_token_hint was issued for",
                    Messages.INVALID_PARAMETER, OIDCLoginProtocol.ID_TOKEN_HINT);
        }
        String clientId = request.clientId() != null ? request.clientId() : issuedFor;
        return clientId == null ? null : realm.getClientByClientId(clientId);
    }

    /** The return URL as Keycloak's redirect checks accept it for the client, or null when none was asked for. */
    private String allowedReturnTo(String returnTo, ClientModel client) {
        if (returnTo == null) {
            return null;
        }
        String allowed = client == null ? null : RedirectUtils.verifyRedirectUri(session, client.getRootUrl(), returnTo,
                new HashSet<>(OIDCAdvancedConfigWrapper.fromClientModel(client).getPostLogoutRedirectUris()), true);
        if (allowed == null) {
            throw new Rejected(Errors.INVALID_REDIRECT_URI, "Return URL is not an allowed logout URL of the client",
                    Messages.INVALID_REDIRECT_URI);
        }
        return allowed;
    }

    /**
     * Keycloak's browser logout, as its logout endpoint runs it after a confirmation: a logout session carries the
     * return URL and state to the end, where Keycloak redirects (or shows "You are logged out" without one).
     */
    private Response endSession(ClientModel client, String returnTo, LogoutRequest request) {
        KeycloakContext context = session.getContext();
        RealmModel realm = context.getRealm();
        AuthenticationManager.AuthResult signedIn = AuthenticationManager.authenticateIdentityCookie(session, realm, false);
        UserSessionModel userSession = signedIn == null ? null : signedIn.getSession();
        AuthenticationSessionModel logoutSession = AuthenticationManager.createOrJoinLogoutSession(session, realm,
                new AuthenticationSessionManager(session), userSession, true, true);
        context.setAuthenticationSession(logoutSession);
        if (returnTo != null) {
            logoutSession.setAuthNote(OIDCLoginProtocol.LOGOUT_REDIRECT_URI, returnTo);
        }
        if (request.state() != null) {
            logoutSession.setAuthNote(OIDCLoginProtocol.LOGOUT_STATE_PARAM, request.state());
        }
        if (request.uiLocales() != null) {
            logoutSession.setClientNote(LocaleSelectorProvider.CLIENT_REQUEST_LOCALE, request.uiLocales());
        }
        if (userSession != null) {
            userSession.setNote(AuthenticationManager.KEYCLOAK_LOGOUT_PROTOCOL, OIDCLoginProtocol.LOGIN_PROTOCOL);
            return AuthenticationManager.browserLogout(session, realm, userSession, context.getUri(), context.getConnection(),
                    context.getRequestHeaders());
        }
        // Nobody is signed in here (any more): nothing to end, only where to go.
        logoutSession.getParentSession().removeAuthenticationSessionByTabId(logoutSession.getTabId());
        return LogoutUtil.sendResponseAfterLogoutFinished(session, logoutSession);
    }

    /** Why a logout request is refused: the event's error and reason, and the page's message for the user. */
    private static final class Rejected extends RuntimeException {
        private final String error;
        private final String reason;
        private final String message;
        private final Object[] parameters;

        Rejected(String error, String reason, String message, Object... parameters) {
            super(reason, null, false, false);
            this.error = error;
            this.reason = reason;
            this.message = message;
            this.parameters = parameters;
        }
    }
}
