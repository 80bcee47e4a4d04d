package io.github.kcauth0.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
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
 *
 * <p>The host is the one Keycloak's proxy settings give ({@code X-Forwarded-Host} with {@code --proxy-headers}),
 * which a caller may write. One that is no host name ({@code /}, {@code ?}, {@code #}, {@code |}, a space, …)
 * could move the path of a rebuilt URI, and makes every later reading of the request URI fail (Keycloak answers
 * 500, its own endpoints included). On these paths such a host is set aside for the address the connection
 * reached: the endpoint the path names answers, and the links on its page name this server. Scheme and path are
 * never changed, and a host is never taken into a path.
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
        String path = request.path();
        if (path == null || !BROWSER_PATHS.matcher(path).find()) {
            return;
        }
        String query = request.query();
        boolean damaged = query != null && !RequestBody.isReadableQuery(query);
        boolean plainHost = isHostName(request.scheme(), request.host());
        if (!damaged && plainHost) {
            return;
        }
        String host = plainHost ? request.host() : localAuthority();
        URI base = URI.create(request.scheme() + "://" + host + "/");
        URI requestUri = damaged ? null : uri(base, path, query);
        requestUri = requestUri != null ? requestUri : uri(base, path, DAMAGED_QUERY);
        if (requestUri != null) {
            context.setRequestUri(base, requestUri);
        }
    }

    /** This server's address and port as the connection names them: the request's own Host is the forwarded one by now. */
    private String localAuthority() {
        SocketAddress local = request.localAddress();
        String address = local.hostAddress();
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + local.port();
    }

    /** The URI of this path and query on that base, or null when a URI cannot hold them as they are. */
    private static URI uri(URI base, String path, String query) {
        try {
            URI uri = URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + (query == null ? "" : "?" + query));
            return path.equals(uri.getRawPath()) ? uri : null;
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    /** Whether this is a host (and port) that a URI holds as it is, and that ends where the path begins. */
    static boolean isHostName(String scheme, String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        try {
            URI uri = new URI(scheme, host, "/", null, null);
            return uri.getHost() != null && uri.getRawUserInfo() == null && host.equals(uri.getRawAuthority());
        } catch (URISyntaxException notAHost) {
            return false;
        }
    }
}
