package io.github.kcauth0.authorize;

import io.github.kcauth0.oauth.DamagedQueryGuard;
import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.ops.EndpointCall;
import io.github.kcauth0.oauth.ReplacedFormHttpRequest;
import io.github.kcauth0.pages.ErrorPages;
import io.github.kcauth0.par.Auth0AuthorizationRequest;
import io.github.kcauth0.par.Auth0ParameterMapping;
import io.github.kcauth0.par.Auth0Parameters;
import io.github.kcauth0.par.Auth0RequestChecks;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuth2Constants;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.services.ErrorPageException;
import org.keycloak.services.messages.Messages;

/**
 * Auth0's {@code GET /authorize}: Keycloak's own authorization endpoint (login pages, SSO session, consent,
 * errors) given the request's Auth0 parameters mapped as at /oauth/par, or the client_id and request_uri of a
 * pushed request. A request_uri Keycloak does not honour gets a page that tells the user what to do.
 */
public final class AuthorizeResource {

    private final KeycloakSession session;

    public AuthorizeResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("/")
    public Response authorize() {
        KeycloakContext context = session.getContext();
        EventBuilder event = new EventBuilder(context.getRealm(), session, context.getConnection()).event(EventType.LOGIN);
        if (context.getUri().getQueryParameters().containsKey(DamagedQueryGuard.DAMAGED_QUERY)) {
            event.detail(Details.REASON, "Unreadable query").error(OAuthError.INVALID_REQUEST);
            return ErrorPages.error(session, ErrorPages.DAMAGED_LINK);
        }
        Auth0AuthorizationRequest request;
        try {
            request = Auth0AuthorizationRequest.of(context.getUri().getQueryParameters());
            // Keycloak's endpoint reads its parameters from the form of a POST; they are the same as a GET's.
            context.setHttpRequest(new ReplacedFormHttpRequest(context.getHttpRequest(),
                    Auth0ParameterMapping.forRealm(session).toKeycloak(request)));
            checkDirect(request);
        } catch (OAuthError rejected) {
            // The page leaves out what the request sent; the event and the logs keep it.
            event.detail(Details.REASON, rejected.description()).error(rejected.error());
            EndpointCall.logRejected("authorize", context.getRealm(),
                    context.getUri().getQueryParameters().getFirst(OAuth2Constants.CLIENT_ID), rejected);
            return ErrorPages.rejected(session, rejected);
        }

        // Keycloak before 26.7 finds Auth0's connection, as kc_idp_hint, only in the query of this URL.
        if (IdentityProviderHint.missingFromQuery(request, context.getUri())) {
            return IdentityProviderHint.sendBackWithHint(request, context.getUri());
        }
        try {
            Response answer = new AuthorizationEndpoint(session, event).buildPost();
            // Keycloak before 26.7 drops a pushed connection and screen_hint=signup on the way into the login.
            return request.has(Auth0Parameters.REQUEST_URI) ? PushedRequestHints.apply(session, answer) : answer;
        } catch (ErrorPageException rejected) {
            if (request.has(Auth0Parameters.REQUEST_URI) && Messages.INVALID_REQUEST.equals(rejected.getMessage())) {
                // Keycloak found no pushed request it honours: unknown, expired, used, or another client's.
                return ErrorPages.error(session, ErrorPages.REQUEST_URI_NOT_HONOURED);
            }
            throw rejected;
        }
    }

    /** Auth0's rules for a request without a pushed one, when it names a client; else Keycloak answers. */
    private void checkDirect(Auth0AuthorizationRequest request) {
        if (!request.has(Auth0Parameters.REQUEST_URI)) {
            request.get(OAuth2Constants.CLIENT_ID).map(session.getContext().getRealm()::getClientByClientId)
                    .ifPresent(client -> Auth0RequestChecks.checkDirect(session, client));
        }
    }
}
