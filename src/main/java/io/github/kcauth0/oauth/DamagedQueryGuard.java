package io.github.kcauth0.oauth;

import java.net.URI;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * A link to {@code /authorize} or a logout URL whose query cannot be read (malformed percent-encoding, bytes
 * that are no UTF-8, control characters) would get a bare 400 before any endpoint runs: a blank page for the
 * user. Ahead of Keycloak's own query filter (priority 10), such a request keeps its path and gets the query
 * {@value #DAMAGED_QUERY}, so that the endpoint shows its page saying the link is damaged. Only these browser
 * paths are touched. The query is read raw from Vert.x: {@code java.net.URI}, behind JAX-RS's request URI,
 * refuses a malformed escape.
 */
@Provider
@PreMatching
@Priority(5)
public final class DamagedQueryGuard implements ContainerRequestFilter {

    public static final String DAMAGED_QUERY = "auth0_damaged_query";
    private static final Pattern BROWSER_PATHS = Pattern.compile("/realms/[^/]+/(authorize|v2/logout|oidc/logout)/?$");

    @Context
    HttpServerRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        String query = request.query();
        String path = request.path();
        if (query != null && path != null && BROWSER_PATHS.matcher(path).find() && !RequestBody.isReadableQuery(query)) {
            context.setRequestUri(URI.create(request.scheme() + "://" + request.host() + path + "?" + DAMAGED_QUERY));
        }
    }
}
