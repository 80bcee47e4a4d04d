package io.github.kcauth0.par;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.oauth.RequestBody;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The Auth0 parameters of one authorization request, each at most once. Empty parameters count as omitted
 * (RFC 6749 §3.1); unknown ones are dropped, as Auth0 ignores them; up to ten {@code ext-*} ones are kept.
 */
public final class Auth0AuthorizationRequest {

    private final Map<String, String> parameters;

    /** @param parameters a map of its own, no longer changed */
    private Auth0AuthorizationRequest(Map<String, String> parameters) {
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /** A request pushed to /oauth/par, which must not carry a {@code request_uri} (RFC 9126 §2.1). */
    public static Auth0AuthorizationRequest pushed(MultivaluedMap<String, String> form) {
        if (form.containsKey(Auth0Parameters.REQUEST_URI)) {
            throw OAuthError.invalidRequest("Parameter not allowed in a pushed authorization request: "
                    + Auth0Parameters.REQUEST_URI);
        }
        return of(form);
    }

    /** A request sent to /authorize, with or without a pushed {@code request_uri}. */
    public static Auth0AuthorizationRequest of(MultivaluedMap<String, String> parameters) {
        Map<String, String> kept = new HashMap<>();
        int extensions = 0;
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            boolean extension = Auth0Parameters.isExtension(name);
            if (extension || Auth0Parameters.KNOWN.contains(name)) {
                Optional<String> value = RequestBody.singleValue(name, parameter.getValue());
                if (value.isPresent()) {
                    kept.put(name, value.get());
                    extensions += extension ? 1 : 0;
                }
            }
        }
        if (extensions > Auth0Parameters.MAX_EXTENSIONS) {
            throw OAuthError.invalidRequest("At most " + Auth0Parameters.MAX_EXTENSIONS + " ext-* parameters are allowed");
        }
        return new Auth0AuthorizationRequest(kept);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    public boolean has(String name) {
        return parameters.containsKey(name);
    }

    /** Every parameter kept, by name. */
    public Map<String, String> parameters() {
        return parameters;
    }
}
