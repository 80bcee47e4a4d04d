package io.github.kcauth0.authorize;

import java.util.List;

import io.github.kcauth0.issuer.AuthorizationResponseIssuer;
import io.github.kcauth0.jar.Auth0RequestObjectAudiences;
import io.github.kcauth0.jar.SignedRequestObjects;
import io.github.kcauth0.oauth.DamagedQueryGuard;
import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.ops.EndpointCall;
import io.github.kcauth0.oauth.ReplacedFormHttpRequest;
import io.github.kcauth0.pages.ErrorPages;
import io.github.kcauth0.par.Auth0AuthorizationRequest;
import io.github.kcauth0.par.Auth0ParameterMapping;
import io.github.kcauth0.par.Auth0Parameters;
import io.github.kcauth0.par.Auth0RequestChecks;
import io.github.kcauth0.par.PushedObjectAuthorizationDetails;
import io.github.kcauth0.par.PushedRequestBinding;
import io.github.kcauth0.rar.AuthorizationDetailsConsent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuth2Constants;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.ErrorPageException;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Auth0's {@code GET /authorize}: Keycloak's own authorization endpoint (login pages, SSO session, consent,
 * errors) given the request's Auth0 parameters mapped as at /oauth/par, or the client_id and request_uri of a
 * pushed request and nothing else. A request_uri Keycloak does not honour gets a page that tells the user what
 * to do.
 */
public final class AuthorizeResource {

    /** The event detail that names what the URL of a pushed request carried besides these. */
    static final String IGNORED_PARAMETERS = "ignored_parameters";
    private static final List<String> PUSHED_REQUEST_REFERENCE = List.of(OAuth2Constants.CLIENT_ID, Auth0Parameters.REQUEST_URI);
    /** What Keycloak needs to tell a user that the client or its redirect URI is not one it accepts. */
    private static final List<String> CLIENT_AND_REDIRECT = List.of(OAuth2Constants.CLIENT_ID, OAuth2Constants.REDIRECT_URI,
            OAuth2Constants.RESPONSE_TYPE, Auth0Parameters.REQUEST);

    private final KeycloakSession session;

    public AuthorizeResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("/")
    public Response authorize() {
        KeycloakContext context = session.getContext();
        EventBuilder event = new EventBuilder(context.getRealm(), session, context.getConnection()).event(EventType.LOGIN);
        MultivaluedMap<String, String> query = context.getUri().getQueryParameters();
        if (query.containsKey(DamagedQueryGuard.DAMAGED_QUERY)) {
            event.detail(Details.REASON, "Unreadable query").error(OAuthError.INVALID_REQUEST);
            return ErrorPages.error(session, ErrorPages.DAMAGED_LINK);
        }
        try {
            return query.containsKey(Auth0Parameters.REQUEST_URI) ? pushed(query, event) : direct(Auth0AuthorizationRequest.of(query), event);
        } catch (OAuthError rejected) {
            // The page leaves out what the request sent; the event and the logs keep it.
            event.detail(Details.REASON, rejected.description()).error(rejected.error());
            EndpointCall.logRejected("authorize", context.getRealm(), query.getFirst(OAuth2Constants.CLIENT_ID), rejected);
            return ErrorPages.rejected(session, rejected);
        }
    }

    /**
     * The pushed request is the whole request (RFC 9126 §4, as FAPI 2.0 reads it): Keycloak is given the client_id
     * and request_uri alone, since it would take what the pushed request left out from the URL, which anyone who
     * holds the link can edit. What else the URL carries is ignored, and named in the event.
     */
    private Response pushed(MultivaluedMap<String, String> query, EventBuilder event) {
        MultivaluedMap<String, String> referenceParameters = new MultivaluedHashMap<>();
        PUSHED_REQUEST_REFERENCE.stream().filter(query::containsKey).forEach(name -> referenceParameters.put(name, query.get(name)));
        Auth0AuthorizationRequest reference = Auth0AuthorizationRequest.of(referenceParameters);
        List<String> ignored = query.keySet().stream().filter(name -> !PUSHED_REQUEST_REFERENCE.contains(name)).sorted().toList();
        if (!ignored.isEmpty()) {
            event.detail(IGNORED_PARAMETERS, String.join(" ", ignored));
        }
        if (!PushedRequestBinding.allows(session, reference, event)) {
            return ErrorPages.error(session, ErrorPages.REQUEST_URI_NOT_HONOURED);
        }
        SignedRequestObjects.requirePushed(session, reference);
        PushedObjectAuthorizationDetails.remember(session, reference.get(Auth0Parameters.REQUEST_URI).orElse(null));
        try {
            Response keycloakAnswer = keycloak(new MultivaluedHashMap<>(reference.parameters()), event);
            carryDetailsIntoAcceptedLogin();
            // Keycloak before 26.7 drops a pushed connection and screen_hint=signup on the way into the login.
            return PushedRequestHints.apply(session, keycloakAnswer);
        } catch (ErrorPageException rejected) {
            if (Messages.INVALID_REQUEST.equals(rejected.getMessage())) {
                // Keycloak found no pushed request it honours: unknown, expired, used, or another client's.
                return ErrorPages.error(session, ErrorPages.REQUEST_URI_NOT_HONOURED);
            }
            throw rejected;
        }
    }

    /** A login Keycloak refused before it was set up (a client policy, a check) has no response type yet. */
    private void carryDetailsIntoAcceptedLogin() {
        AuthenticationSessionModel login = session.getContext().getAuthenticationSession();
        if (login != null && login.getClientNote(OIDCLoginProtocol.RESPONSE_TYPE_PARAM) != null) {
            PushedObjectAuthorizationDetails.carryInto(session, login);
            AuthorizationDetailsConsent.askAgain(session, login);
        }
    }

    /**
     * A request without a push. Auth0's rules come first; the realm's organizations and APIs are then looked up for a
     * client and redirect URI that Keycloak accepts. Any other request goes to Keycloak without them, for Keycloak's
     * own page about its client or redirect URI.
     */
    private Response direct(Auth0AuthorizationRequest request, EventBuilder event) {
        ClientModel client = request.get(OAuth2Constants.CLIENT_ID).map(session.getContext().getRealm()::getClientByClientId).orElse(null);
        if (client != null && client.isEnabled()) {
            Auth0AuthorizationRequest parsed = Auth0RequestChecks.checkDirect(session, client, request);
            if (RedirectUtils.verifyRedirectUri(session, parsed.get(OAuth2Constants.REDIRECT_URI).orElse(null), client) != null) {
                return mapped(request, parsed, client, event);
            }
        }
        MultivaluedMap<String, String> keycloakParameters = new MultivaluedHashMap<>();
        for (String name : CLIENT_AND_REDIRECT) {
            request.get(name).ifPresent(value -> keycloakParameters.putSingle(name, value));
        }
        return keycloak(keycloakParameters, event);
    }

    private Response mapped(Auth0AuthorizationRequest request, Auth0AuthorizationRequest parsed, ClientModel client, EventBuilder event) {
        MultivaluedMap<String, String> keycloakParameters = Auth0ParameterMapping.forClient(session, client).toKeycloak(request, parsed);
        // Keycloak before 26.7 finds Auth0's connection, as kc_idp_hint, only in the query of this URL.
        if (IdentityProviderHint.missingFromQuery(request, session.getContext().getUri())) {
            return IdentityProviderHint.sendBackWithHint(request, session.getContext().getUri());
        }
        return keycloak(keycloakParameters, event);
    }

    /** Keycloak's endpoint reads its parameters from the form of a POST; they are the same as a GET's. */
    private Response keycloak(MultivaluedMap<String, String> keycloakParameters, EventBuilder event) {
        KeycloakContext context = session.getContext();
        context.setHttpRequest(new ReplacedFormHttpRequest(context.getHttpRequest(), keycloakParameters));
        Auth0RequestObjectAudiences.acceptOnThisRequest(session);
        AuthorizationResponseIssuer.startHere(session);
        return AuthorizationResponseIssuer.answered(session, new AuthorizationEndpoint(session, event).buildPost());
    }
}
