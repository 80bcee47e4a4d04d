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
import org.keycloak.forms.login.LoginFormsProvider;
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
import org.keycloak.services.managers.ClientSessionCode;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.TokenUtil;

/**
 * Auth0's logout, {@code GET /v2/logout} and {@code GET /oidc/logout}: ends the user's Keycloak SSO session in
 * this browser (and, through Keycloak, the sessions of the clients it logged in to) and sends the browser to the
 * return URL when the client lists it among its valid post logout redirect URIs, Auth0's "Allowed Logout URLs".
 * A return URL that the client does not list, or that names no client, gets an error page: never a redirect.
 *
 * <p>{@code /v2/logout} logs out on a GET, as Auth0's does. {@code /oidc/logout} follows OpenID Connect
 * RP-initiated logout as Keycloak's and Auth0's end-session endpoints do: it ends the session at once only when
 * the request proves it comes from the application (an ID token of this realm naming the browser's session, or
 * Auth0's {@code logout_hint} naming it); otherwise it shows Keycloak's own confirmation page, whose form is
 * Keycloak's logout endpoint: it ends the session and then follows the return URL checked here. Without a session
 * in the browser, a verified ID token ends the session it names, as Keycloak's endpoint does.
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
            String returnTo = allowedReturnTo(request.returnTo(), client);
            UserSessionModel signedIn = signedInSession();
            if (!request.needsProof() || signedIn != null && provesSession(request, idToken, client, signedIn)) {
                return endSession(signedIn, returnTo, request);
            }
            if (signedIn == null) {
                return endHintedSession(hintedSession(idToken), returnTo, request, event);
            }
            return confirmation(signedIn, returnTo, request);
        } catch (Rejected rejected) {
            event.detail(Details.REASON, rejected.reason).error(rejected.error);
            return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, rejected.message, rejected.parameters);
        }
    }

    /** The session of this browser's identity cookie, or null. */
    private UserSessionModel signedInSession() {
        AuthenticationManager.AuthResult signedIn = AuthenticationManager.authenticateIdentityCookie(session, session.getContext().getRealm(), false);
        return signedIn == null ? null : signedIn.getSession();
    }

    /**
     * Whether the request proves the application sent it for this session: a verified ID token of a client of this
     * realm whose {@code sid} is this session, issued while it lasted, or Auth0's {@code logout_hint} with the
     * session's id and a client of the realm. Both, when both are given.
     */
    private static boolean provesSession(LogoutRequest request, IDToken idToken, ClientModel client, UserSessionModel signedIn) {
        if (client == null || idToken == null && request.logoutHint() == null) {
            return false;
        }
        boolean tokenNamesIt = idToken == null || idToken.getSessionId() != null && idToken.getSessionId().equals(signedIn.getId())
                && issuedDuring(idToken, signedIn);
        boolean hintNamesIt = request.logoutHint() == null || request.logoutHint().equals(signedIn.getId());
        return tokenNamesIt && hintNamesIt;
    }

    /** Keycloak's check at its logout endpoint: an ID token from before the session began is not one of it. */
    private static boolean issuedDuring(IDToken idToken, UserSessionModel userSession) {
        return idToken.getIat() != null && idToken.getIat() + 1 >= userSession.getStarted();
    }

    /** The session a verified ID token names, while it lasts; null without one. */
    private UserSessionModel hintedSession(IDToken idToken) {
        if (idToken == null || idToken.getSessionId() == null) {
            return null;
        }
        UserSessionModel hinted = session.sessions().getUserSession(session.getContext().getRealm(), idToken.getSessionId());
        return hinted != null && issuedDuring(idToken, hinted) ? hinted : null;
    }

    /**
     * Keycloak's logout confirmation page, as its logout endpoint shows it: a logout session carries the return URL
     * and state, and the page's form posts to Keycloak's {@code logout-confirm}, which ends this browser's session
     * and then redirects (or says "You are logged out"). The page is in the user's language.
     */
    private Response confirmation(UserSessionModel signedIn, String returnTo, LogoutRequest request) {
        RealmModel realm = session.getContext().getRealm();
        AuthenticationSessionModel logoutSession = logoutSession(signedIn, returnTo, request);
        logoutSession.setAuthenticatedUser(signedIn.getUser());
        ClientSessionCode<AuthenticationSessionModel> code = new ClientSessionCode<>(session, realm, logoutSession);
        code.setAction(AuthenticationSessionModel.Action.LOGGING_OUT.name());
        return session.getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(logoutSession)
                .setUser(signedIn.getUser())
                .setClientSessionCode(code.getOrGenerateCode())
                .createLogoutConfirmPage();
    }

    /**
     * Without a session in this browser, the session a verified ID token names ends, as at Keycloak's logout
     * endpoint (Keycloak's back-channel logout of it); then the return URL, or "You are logged out".
     */
    private Response endHintedSession(UserSessionModel hinted, String returnTo, LogoutRequest request, EventBuilder event) {
        KeycloakContext context = session.getContext();
        AuthenticationSessionModel logoutSession = logoutSession(null, returnTo, request);
        if (hinted != null && hinted.getState() != UserSessionModel.State.LOGGING_OUT && hinted.getState() != UserSessionModel.State.LOGGED_OUT) {
            AuthenticationManager.backchannelLogout(session, context.getRealm(), hinted, context.getUri(), context.getConnection(),
                    context.getRequestHeaders(), true);
            event.user(hinted.getUser()).session(hinted).success();
        }
        logoutSession.getParentSession().removeAuthenticationSessionByTabId(logoutSession.getTabId());
        return LogoutUtil.sendResponseAfterLogoutFinished(session, logoutSession);
    }

    /** Keycloak's logout session for this browser, carrying the return URL, state and the user's language. */
    private AuthenticationSessionModel logoutSession(UserSessionModel userSession, String returnTo, LogoutRequest request) {
        KeycloakContext context = session.getContext();
        AuthenticationSessionModel logoutSession = AuthenticationManager.createOrJoinLogoutSession(session, context.getRealm(),
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
        return logoutSession;
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
    private Response endSession(UserSessionModel signedIn, String returnTo, LogoutRequest request) {
        KeycloakContext context = session.getContext();
        AuthenticationSessionModel logoutSession = logoutSession(signedIn, returnTo, request);
        if (signedIn != null) {
            signedIn.setNote(AuthenticationManager.KEYCLOAK_LOGOUT_PROTOCOL, OIDCLoginProtocol.LOGIN_PROTOCOL);
            return AuthenticationManager.browserLogout(session, context.getRealm(), signedIn, context.getUri(), context.getConnection(),
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
