package io.github.kcauth0.issuer;

import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.keycloak.OAuth2Constants;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.OIDCProviderConfig;
import org.keycloak.protocol.oidc.utils.OIDCRedirectUriBuilder;
import org.keycloak.protocol.oidc.utils.OIDCResponseMode;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's OpenID Connect protocol, whose authorization responses, successful or not, carry Auth0's issuer as
 * {@code iss} when the login started at this extension's /authorize. It uses the hook Keycloak offers protocol
 * extensions for the parameters of a response ({@code buildRedirectUri}, keycloak#31086): the parameter is
 * replaced, in every response mode; a JWT-secured response (JARM) of a successful login gets it as its
 * {@code iss} claim too, while an error sent as a JWT keeps Keycloak's issuer.
 */
final class Auth0AwareOidcLoginProtocol extends OIDCLoginProtocol {

    private static final Set<OIDCResponseMode> JWT_MODES = Set.of(OIDCResponseMode.QUERY_JWT, OIDCResponseMode.FRAGMENT_JWT,
            OIDCResponseMode.FORM_POST_JWT);

    Auth0AwareOidcLoginProtocol(OIDCProviderConfig config) {
        super(config);
    }

    @Override
    public Response buildRedirectUri(OIDCRedirectUriBuilder redirectUri, AuthenticationSessionModel authSession,
                                     UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        Optional<String> auth0Issuer = auth0Issuer(authSession);
        if (auth0Issuer.isEmpty()) {
            return super.buildRedirectUri(redirectUri, authSession, userSession, clientSessionCtx);
        }
        redirectUri.addParam(OAuth2Constants.ISSUER, auth0Issuer.get());
        if (!JWT_MODES.contains(responseMode) || clientSessionCtx == null) {
            return super.buildRedirectUri(redirectUri, authSession, userSession, clientSessionCtx);
        }
        // The response JWT takes its iss from the session's note as it is built; the note is Keycloak's again after.
        AuthenticatedClientSessionModel clientSession = clientSessionCtx.getClientSession();
        String keycloakIssuer = clientSession.getNote(ISSUER);
        clientSession.setNote(ISSUER, auth0Issuer.get());
        try {
            return super.buildRedirectUri(redirectUri, authSession, userSession, clientSessionCtx);
        } finally {
            clientSession.setNote(ISSUER, keycloakIssuer);
        }
    }

    @Override
    public Response buildRedirectUri(OIDCRedirectUriBuilder redirectUri, AuthenticationSessionModel authSession,
                                     UserSessionModel userSession, ClientSessionContext clientSessionCtx,
                                     Exception ex, Error oidcError) {
        if (!JWT_MODES.contains(responseMode)) {
            auth0Issuer(authSession).ifPresent(issuer -> redirectUri.addParam(OAuth2Constants.ISSUER, issuer));
        }
        return super.buildRedirectUri(redirectUri, authSession, userSession, clientSessionCtx, ex, oidcError);
    }

    /** Auth0's issuer for a login started at /authorize, unless the client leaves iss out of its responses. */
    private Optional<String> auth0Issuer(AuthenticationSessionModel authSession) {
        ClientModel client = authSession != null ? authSession.getClient() : session.getContext().getClient();
        if (client == null || OIDCAdvancedConfigWrapper.fromClientModel(client).isExcludeIssuerFromAuthResponse()) {
            return Optional.empty();
        }
        return AuthorizationResponseIssuer.ofLogin(session, authSession);
    }
}
