package io.github.kcauth0.oauth;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/** Writes an {@link OAuthError} as Auth0 does: JSON {@code {"error", "error_description"}}, never cached. */
public final class OAuthErrorResponses {

    private OAuthErrorResponses() {
    }

    /**
     * @param basicChallengeRealm the realm to name in a {@code WWW-Authenticate: Basic} challenge, given when
     *                            the client tried HTTP Basic authentication (RFC 6749 §5.2), else {@code null}
     */
    public static Response of(OAuthError error, String basicChallengeRealm) {
        Response.ResponseBuilder response = Response.status(error.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .entity(new OAuth2ErrorRepresentation(error.error(), error.description()));
        if (error.status() == 401 && basicChallengeRealm != null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + basicChallengeRealm + "\"");
        }
        return response.build();
    }
}
