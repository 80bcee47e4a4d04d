package io.github.kcauth0.userinfo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuth2Constants;
import org.keycloak.crypto.SignatureProvider;
import org.keycloak.http.HttpRequest;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.endpoints.UserInfoEndpoint;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.utils.OAuth2Error;

/**
 * Auth0's {@code GET|POST /userinfo}: Keycloak's own userinfo endpoint. The access tokens of both endpoint families
 * carry Keycloak's issuer, so Keycloak's checks, claims and {@code WWW-Authenticate} answers apply unchanged. One
 * answer is given here: a token signed with an algorithm this Keycloak has no provider for (say {@code none}) is
 * a 401, where Keycloak before 26.7 fails with a 500.
 */
public final class UserInfoResource {

    private final KeycloakSession session;
    private final UserInfoEndpoint keycloak;

    public UserInfoResource(KeycloakSession session) {
        this.session = session;
        this.keycloak = new UserInfoEndpoint(session, new TokenManager());
    }

    @OPTIONS
    @Path("/")
    public Response preflight() {
        return keycloak.issueUserInfoPreflight();
    }

    @GET
    @Path("/")
    public Response get() {
        refuseUnverifiable(bearerToken());
        return keycloak.issueUserInfoGet();
    }

    @POST
    @Path("/")
    public Response post() {
        String token = bearerToken();
        HttpRequest request = session.getContext().getHttpRequest();
        if (token == null && MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getHttpHeaders().getMediaType())) {
            token = request.getDecodedFormParameters().getFirst(OAuth2Constants.ACCESS_TOKEN);
        }
        refuseUnverifiable(token);
        return keycloak.issueUserInfoPost();
    }

    private String bearerToken() {
        AppAuthManager.AuthHeader header = AppAuthManager.extractAuthorizationHeaderTokenOrReturnNull(
                session.getContext().getRequestHeaders());
        return header == null ? null : header.getToken();
    }

    /** A JWS whose algorithm no signature provider here verifies. Anything else is Keycloak's to judge. */
    private void refuseUnverifiable(String token) {
        if (token == null) {
            return;
        }
        String algorithm;
        try {
            algorithm = new JWSInput(token).getHeader().getRawAlgorithm();
        } catch (JWSInputException | RuntimeException notAJws) {
            return;
        }
        if (algorithm == null || session.getProvider(SignatureProvider.class, algorithm) == null) {
            throw new OAuth2Error().json(false).session(session).realm(session.getContext().getRealm())
                    .invalidToken("Token verification failed");
        }
    }
}
