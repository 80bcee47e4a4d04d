package io.github.kcauth0.oauth;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The answer to a method other than POST on an Auth0 POST endpoint. */
public final class MethodNotAllowed {

    private MethodNotAllowed() {
    }

    public static Response response() {
        return Response.fromResponse(OAuthErrorResponses.of(
                        new OAuthError(405, OAuthError.INVALID_REQUEST, "Method not allowed: use POST"), null))
                .header(HttpHeaders.ALLOW, "POST")
                .build();
    }
}
