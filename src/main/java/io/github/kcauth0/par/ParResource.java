package io.github.kcauth0.par;

import io.github.kcauth0.clientauth.Auth0AssertionAudiences;
import io.github.kcauth0.oauth.ClientCredentials;
import io.github.kcauth0.oauth.KeycloakEndpoint;
import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.oauth.PostOnlyResource;
import io.github.kcauth0.oauth.RequestBody;
import io.github.kcauth0.ops.EndpointCall;
import io.github.kcauth0.ops.RateLimits;
import io.github.kcauth0.realm.Auth0ParSettings;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.par.ParResponse;

import static org.keycloak.OAuth2Constants.CLIENT_ID;

/**
 * Auth0's {@code POST /oauth/par} (RFC 9126): the form is read, checked against Auth0's rules, mapped to
 * Keycloak's parameters and pushed through Keycloak's own PAR endpoint; its answer is given in Auth0's shape.
 */
public final class ParResource extends PostOnlyResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final HttpHeaders headers;
    private final RateLimits rateLimits;

    public ParResource(KeycloakSession session, RateLimits rateLimits) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.headers = session.getContext().getRequestHeaders();
        this.rateLimits = rateLimits;
    }

    @POST
    @Path("/")
    public Response push(byte[] body) {
        EndpointCall call = new EndpointCall(EndpointCall.PUSH, session.getContext());
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.PUSHED_AUTHORIZATION_REQUEST);
        try {
            ParResponse pushed = push(body, call, event);
            if (Auth0ParSettings.recordsSuccessEvents(realm)) {
                event.success();
            }
            return call.succeeded(created(pushed));
        } catch (OAuthError rejected) {
            return call.rejected(rejected, event, ClientCredentials.isBasic(authorizationHeader()));
        }
    }

    private ParResponse push(byte[] body, EndpointCall call, EventBuilder event) {
        Auth0AuthorizationRequest request = Auth0AuthorizationRequest.pushed(RequestBody.form(body));
        ClientCredentials credentials = ClientCredentials.of(authorizationHeader(), request.parameters());
        String clientId = request.get(CLIENT_ID).or(credentials::basicClientId)
                .orElseThrow(() -> OAuthError.missingParameter(CLIENT_ID));
        event.client(clientId);
        call.client(clientId);
        call.admit(rateLimits);

        MultivaluedMap<String, String> keycloakForm = ClientCredentials.authenticationForm(clientId, request.parameters());
        String secretAsBasic = ClientCredentials.secretAsBasic(keycloakForm);
        Auth0AssertionAudiences.acceptOnThisRequest(session);
        ParResponse pushed;
        try {
            // Keycloak's own PAR endpoint authenticates the client, then reads the request this maps, runs Keycloak's
            // checks and client policies, and stores it where its authorization endpoint looks for it.
            pushed = KeycloakEndpoint.call(session, keycloakForm, secretAsBasic,
                    () -> new ClientFirstParEndpoint(session, event, client -> {
                        // Auth0's rules, on the request Keycloak parses: a request object may be encrypted to the realm.
                        Auth0AuthorizationRequest parsed = Auth0RequestChecks.checkPushed(session, client, request);
                        keycloakForm.putAll(Auth0ParameterMapping.forPush(session, client).toKeycloak(request, parsed));
                        PushedRequestBinding.addTo(session, keycloakForm, client.getClientId());
                    }).request(), ParResponse.class);
        } catch (OAuthError rejected) {
            call.rejectedByKeycloak(rateLimits, session.getContext().getClient(), rejected);
            throw Auth0ParameterMapping.explained(session, session.getContext().getClient(), request, rejected);
        }
        call.pushedByKeycloak(rateLimits, session.getContext().getClient(), pushed.getExpiresIn(),
                () -> KeycloakParStore.remove(session, pushed.getRequestUri()));
        KeycloakParStore.dropCredentials(session, pushed.getRequestUri(), pushed.getExpiresIn(), keycloakForm);
        return pushed;
    }

    /**
     * Exactly {@code request_uri} and {@code expires_in}, as Auth0 answers, written here rather than by the JSON
     * provider (a profile had that at 8 % of a push): Keycloak's request_uri is its URN prefix and a random UUID, so
     * nothing in it needs escaping.
     */
    private static Response.ResponseBuilder created(ParResponse pushed) {
        return Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .entity("{\"request_uri\":\"" + pushed.getRequestUri() + "\",\"expires_in\":" + pushed.getExpiresIn() + "}");
    }

    private String authorizationHeader() {
        return headers.getHeaderString(HttpHeaders.AUTHORIZATION);
    }
}
