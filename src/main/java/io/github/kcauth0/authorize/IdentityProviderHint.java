package io.github.kcauth0.authorize;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.github.kcauth0.par.Auth0AuthorizationRequest;
import io.github.kcauth0.par.Auth0Parameters;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.keycloak.constants.AdapterConstants;

/**
 * Auth0's {@code connection} is Keycloak's {@code kc_idp_hint}, which Keycloak before 26.7 honours only in the
 * query of the URL the login flow runs at; Keycloak 26.7 also takes it from the parameters its authorization
 * endpoint was given (here the mapped form, or the pushed request). So this puts the hint into that URL, on
 * every release alike.
 */
final class IdentityProviderHint {

    private IdentityProviderHint() {
    }

    /** A plain /authorize request with a connection that its own query does not name as kc_idp_hint. */
    static boolean missingFromQuery(Auth0AuthorizationRequest request, UriInfo uri) {
        return request.has(Auth0Parameters.CONNECTION) && !request.has(Auth0Parameters.REQUEST_URI)
                && !uri.getQueryParameters().containsKey(AdapterConstants.KC_IDP_HINT);
    }

    /** The same /authorize request once more, with the connection as kc_idp_hint in its query. */
    static Response sendBackWithHint(Auth0AuthorizationRequest request, UriInfo uri) {
        URI again = addedTo(uri.getRequestUri(), request.get(Auth0Parameters.CONNECTION).orElseThrow());
        return Response.status(Response.Status.FOUND).location(again).build();
    }

    /**
     * A URL with {@code kc_idp_hint} added to its query. Encoded here rather than by a {@code UriBuilder}, which
     * would take braces in the alias for a URI template.
     */
    static URI addedTo(URI url, String identityProviderAlias) {
        String separator = url.getRawQuery() == null ? "?" : "&";
        return URI.create(url + separator + AdapterConstants.KC_IDP_HINT + "="
                + URLEncoder.encode(identityProviderAlias, StandardCharsets.UTF_8));
    }
}
