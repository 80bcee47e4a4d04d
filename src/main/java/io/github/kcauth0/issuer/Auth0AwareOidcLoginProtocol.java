package io.github.kcauth0.issuer;

import java.util.Optional;
import java.util.Set;

import io.github.kcauth0.rar.CarriedAuthorizationDetails;
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
import org.keycloak.services.Urls;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's OpenID Connect protocol, whose authorization responses, successful or not, carry Auth0's issuer as
 * {@code iss} when the login started at this extension's /authorize. It uses the hook Keycloak offers protocol
 * extensions for the response ({@code buildRedirectUri}, keycloak#31086): the response Keycloak built is given
 * Auth0's issuer in place of its own (query, fragment, form_post: Keycloak before 26.7 appends a parameter added
 * twice rather than replacing it); a JWT-secured response (JARM) of a successful login gets it as its
 * {@code iss} claim, while an error sent as a JWT keeps Keycloak's issuer. It also carries a request object's
 * {@code authorization_details} once the login is done ({@link CarriedAuthorizationDetails#takeFromKeycloaksNotes}).
 */
final class Auth0AwareOidcLoginProtocol extends OIDCLoginProtocol {

    private static final Set<OIDCResponseMode> JWT_MODES = Set.of(OIDCResponseMode.QUERY_JWT, OIDCResponseMode.FRAGMENT_JWT,
            OIDCResponseMode.FORM_POST_JWT);

    Auth0AwareOidcLoginProtocol(OIDCProviderConfig config) {
        super(config);
    }

    /** The one hook on every login's completion: a request object's authorization_details are carried from here. */
    @Override
    public Response authenticated(AuthenticationSessionModel authSession, UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        CarriedAuthorizationDetails.takeFromKeycloaksNotes(session, clientSessionCtx);
        return super.authenticated(authSession, userSession, clientSessionCtx);
    }

    @Override
    public Response buildRedirectUri(OIDCRedirectUriBuilder redirectUri, AuthenticationSessionModel authSession,
                                     UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        Optional<String> auth0Issuer = auth0Issuer(authSession);
        if (auth0Issuer.isEmpty() || clientSessionCtx == null) {
            return super.buildRedirectUri(redirectUri, authSession, userSession, clientSessionCtx);
        }
        AuthenticatedClientSessionModel clientSession = clientSessionCtx.getClientSession();
        String keycloakIssuer = clientSession.getNote(ISSUER);
        if (!JWT_MODES.contains(responseMode)) {
            return AuthorizationResponseIssuer.withIssuer(super.buildRedirectUri(redirectUri, authSession, userSession,
                    clientSessionCtx), keycloakIssuer, auth0Issuer.get());
        }
        // The response JWT takes its iss from the session's note as it is built; the note is Keycloak's again after.
        redirectUri.addParam(OAuth2Constants.ISSUER, auth0Issuer.get());
        clientSession.setNote(ISSUER, auth0Issuer.get());
        try {
            return super.buildRedirectUri(redirectUri, authSession, userSession, clientSessionCtx);
        } finally {
            clientSession.setNote(ISSUER, keycloakIssuer);
        }
    }

    /** An error sent to the redirect URI; Keycloak names its issuer as the realm's issuer of this request. */
    @Override
    public Response buildRedirectUri(OIDCRedirectUriBuilder redirectUri, AuthenticationSessionModel authSession,
                                     UserSessionModel userSession, ClientSessionContext clientSessionCtx,
                                     Exception ex, Error oidcError) {
        Response response = super.buildRedirectUri(redirectUri, authSession, userSession, clientSessionCtx, ex, oidcError);
        Optional<String> auth0Issuer = auth0Issuer(authSession);
        if (auth0Issuer.isEmpty() || JWT_MODES.contains(responseMode)) {
            return response;
        }
        return AuthorizationResponseIssuer.withIssuer(response,
                Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()), auth0Issuer.get());
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
