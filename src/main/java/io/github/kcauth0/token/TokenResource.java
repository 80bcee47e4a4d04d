package io.github.kcauth0.token;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.kcauth0.clientauth.Auth0AssertionAudiences;
import io.github.kcauth0.oauth.ClientCredentials;
import io.github.kcauth0.oauth.KeycloakEndpoint;
import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.oauth.PostOnlyResource;
import io.github.kcauth0.oauth.RequestBody;
import io.github.kcauth0.ops.EndpointCall;
import io.github.kcauth0.ops.RateLimits;
import io.github.kcauth0.rar.AuthorizationDetailsMapper;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuth2Constants;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.endpoints.TokenEndpoint;
import org.keycloak.representations.AccessTokenResponse;

/**
 * Auth0's {@code POST /oauth/token} for the authorization code, refresh token and client credentials grants: Keycloak's token
 * endpoint semantics, client authentication as at /oauth/par, and Auth0's response shape.
 */
public final class TokenResource extends PostOnlyResource {

    static final Set<String> GRANT_TYPES = Set.of(OAuth2Constants.AUTHORIZATION_CODE, OAuth2Constants.REFRESH_TOKEN,
            OAuth2Constants.CLIENT_CREDENTIALS);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final HttpHeaders headers;
    private final RateLimits rateLimits;

    public TokenResource(KeycloakSession session, RateLimits rateLimits) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.headers = session.getContext().getRequestHeaders();
        this.rateLimits = rateLimits;
    }

    @POST
    @Path("/")
    public Response token(byte[] body) {
        EndpointCall call = new EndpointCall("token", session.getContext());
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.CODE_TO_TOKEN);
        try {
            MultivaluedMap<String, String> keycloakForm = checkedParameters(body, call, event);
            call.admit(rateLimits);
            return call.succeeded(auth0Answer(redeem(keycloakForm, call, event)));
        } catch (OAuthError rejected) {
            return call.rejected(rejected, event, ClientCredentials.isBasic(headers.getHeaderString(HttpHeaders.AUTHORIZATION)));
        }
    }

    /** Keycloak's token endpoint; a failed client authentication counts against the allowance of the address and client. */
    private AccessTokenResponse redeem(MultivaluedMap<String, String> keycloakForm, EndpointCall call, EventBuilder event) {
        try {
            return KeycloakEndpoint.call(session, keycloakForm,
                    () -> new TokenEndpoint(session, new TokenManager(), event).processGrantRequest(), AccessTokenResponse.class);
        } catch (OAuthError rejected) {
            call.rejectedByKeycloak(rateLimits, session.getContext().getClient(), rejected);
            throw OAuth2Constants.CLIENT_CREDENTIALS.equals(keycloakForm.getFirst(OAuth2Constants.GRANT_TYPE))
                    ? ClientCredentialsGrant.denied(rejected, audience(keycloakForm)) : rejected;
        }
    }

    /** The API a client-credentials request named: the first of the scopes Keycloak was asked for. */
    private static String audience(MultivaluedMap<String, String> keycloakForm) {
        return keycloakForm.getFirst(OAuth2Constants.SCOPE).split(" ")[0];
    }

    private MultivaluedMap<String, String> checkedParameters(byte[] body, EndpointCall call, EventBuilder event) {
        MultivaluedMap<String, String> parameters = RequestBody.formOrJson(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body);
        Map<String, String> single = new LinkedHashMap<>();
        parameters.forEach((name, values) -> RequestBody.singleValue(name, values).ifPresent(value -> single.put(name, value)));
        String grantType = single.get(OAuth2Constants.GRANT_TYPE);
        if (grantType == null) {
            throw OAuthError.missingParameter(OAuth2Constants.GRANT_TYPE);
        }
        if (OAuth2Constants.REFRESH_TOKEN.equals(grantType)) {
            event.event(EventType.REFRESH_TOKEN);
        }
        if (OAuth2Constants.CLIENT_CREDENTIALS.equals(grantType)) {
            event.event(EventType.CLIENT_LOGIN);
        }
        if (!GRANT_TYPES.contains(grantType)) {
            throw new OAuthError(400, "unsupported_grant_type", "Unsupported grant_type: only authorization_code, refresh_token and client_credentials");
        }
        ClientCredentials credentials = ClientCredentials.of(headers.getHeaderString(HttpHeaders.AUTHORIZATION), single);
        MultivaluedMap<String, String> keycloak = new MultivaluedHashMap<>();
        single.forEach(keycloak::putSingle);
        if (!keycloak.containsKey(OAuth2Constants.CLIENT_ID)) {
            credentials.basicClientId().ifPresent(clientId -> keycloak.putSingle(OAuth2Constants.CLIENT_ID, clientId));
        }
        String clientId = keycloak.getFirst(OAuth2Constants.CLIENT_ID);
        if (clientId != null) {
            event.client(clientId);
            call.client(clientId);
        }
        if (OAuth2Constants.CLIENT_CREDENTIALS.equals(grantType)) {
            ClientCredentialsGrant.mapAudience(realm, keycloak);
        }
        Auth0AssertionAudiences.acceptOnThisRequest(session);
        return keycloak;
    }

    /**
     * Auth0's token response: no Keycloak-only members such as refresh_expires_in or session_state, and the ID
     * token with Auth0's issuer.
     */
    private Response.ResponseBuilder auth0Answer(AccessTokenResponse tokens) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.getToken());
        if (tokens.getIdToken() != null) {
            body.put("id_token", Auth0IdTokens.reissue(session, tokens.getIdToken(), tokens.getScope()));
        }
        if (tokens.getRefreshToken() != null) {
            body.put("refresh_token", tokens.getRefreshToken());
        }
        body.put("token_type", tokens.getTokenType());
        body.put("expires_in", tokens.getExpiresIn());
        if (tokens.getScope() != null) {
            body.put("scope", tokens.getScope());
        }
        // RFC 9396 §7, as Auth0 answers: put there by the API's AuthorizationDetailsMapper.
        Object authorizationDetails = tokens.getOtherClaims().get(AuthorizationDetailsMapper.CLAIM);
        if (authorizationDetails != null) {
            body.put(AuthorizationDetailsMapper.CLAIM, authorizationDetails);
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache");
    }
}
