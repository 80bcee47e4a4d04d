package io.github.kcauth0.oauth;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * An Auth0 endpoint that only takes POST: other methods get a JSON 405 with {@code Allow: POST}, where JAX-RS
 * would answer without a body (HEAD is served as GET).
 */
public abstract class PostOnlyResource {

    @GET
    @Path("/")
    public Response get() {
        return methodNotAllowed();
    }

    @PUT
    @Path("/")
    public Response put() {
        return methodNotAllowed();
    }

    @DELETE
    @Path("/")
    public Response delete() {
        return methodNotAllowed();
    }

    @PATCH
    @Path("/")
    public Response patch() {
        return methodNotAllowed();
    }

    public static Response methodNotAllowed() {
        return Response.fromResponse(OAuthErrorResponses.of(
                        new OAuthError(405, OAuthError.INVALID_REQUEST, "Method not allowed: use POST"), null))
                .header(HttpHeaders.ALLOW, "POST")
                .build();
    }
}
