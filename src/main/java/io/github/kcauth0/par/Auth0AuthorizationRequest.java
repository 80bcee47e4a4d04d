package io.github.kcauth0.par;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.kcauth0.oauth.OAuthError;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The Auth0 parameters of one pushed authorization request, each at most once. Empty parameters count as
 * omitted (RFC 6749 §3.1); unknown ones are dropped, as Auth0 ignores them.
 */
public final class Auth0AuthorizationRequest {

    private final Map<String, String> parameters;

    private Auth0AuthorizationRequest(Map<String, String> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    public static Auth0AuthorizationRequest fromForm(MultivaluedMap<String, String> form) {
        if (form.containsKey(Auth0Parameters.REQUEST_URI)) {
            throw OAuthError.invalidRequest("Parameter not allowed in a pushed authorization request: "
                    + Auth0Parameters.REQUEST_URI);
        }
        Map<String, String> parameters = new HashMap<>();
        form.forEach((name, values) -> {
            if (Auth0Parameters.KNOWN.contains(name)) {
                single(name, values).ifPresent(value -> parameters.put(name, value));
            }
        });
        return new Auth0AuthorizationRequest(parameters);
    }

    private static Optional<String> single(String name, List<String> values) {
        if (values.size() > 1) {
            throw OAuthError.repeatedParameter(name);
        }
        return values.stream().filter(value -> !value.isEmpty()).findFirst();
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
