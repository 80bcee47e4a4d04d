package io.github.kcauth0.par;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.github.kcauth0.oauth.ClientCredentials;
import io.github.kcauth0.oauth.OAuthError;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;

import static org.keycloak.OAuth2Constants.CLIENT_ASSERTION;
import static org.keycloak.OAuth2Constants.CLIENT_ASSERTION_TYPE;
import static org.keycloak.OAuth2Constants.CLIENT_ID;
import static org.keycloak.OAuth2Constants.CLIENT_SECRET;
import static org.keycloak.OAuth2Constants.CODE_CHALLENGE;
import static org.keycloak.OAuth2Constants.CODE_CHALLENGE_METHOD;
import static org.keycloak.OAuth2Constants.REDIRECT_URI;
import static org.keycloak.OAuth2Constants.RESPONSE_TYPE;
import static org.keycloak.OAuth2Constants.SCOPE;
import static org.keycloak.OAuth2Constants.STATE;

/**
 * Where each Auth0 parameter goes in Keycloak; the README's parameter table describes this class.
 * Most keep their name and meaning. {@code audience=X} names an Auth0 API: in Keycloak that API is the client
 * scope named X, whose Audience mapper puts X into the access token's {@code aud}, so X joins {@code scope}.
 */
public final class Auth0ParameterMapping {

    /** Same name and meaning in Keycloak. */
    static final Set<String> UNCHANGED = Set.of(CLIENT_ID, CLIENT_SECRET, CLIENT_ASSERTION, CLIENT_ASSERTION_TYPE,
            RESPONSE_TYPE, REDIRECT_URI, STATE, Auth0Parameters.NONCE, CODE_CHALLENGE, CODE_CHALLENGE_METHOD);

    private final Predicate<String> clientScopeExists;

    /** @param clientScopeExists whether the realm has a client scope of the given name */
    public Auth0ParameterMapping(Predicate<String> clientScopeExists) {
        this.clientScopeExists = clientScopeExists;
    }

    public static Auth0ParameterMapping forRealm(RealmModel realm) {
        return new Auth0ParameterMapping(name -> realm.getClientScopesStream().map(ClientScopeModel::getName).anyMatch(name::equals));
    }

    public MultivaluedMap<String, String> toKeycloak(Auth0AuthorizationRequest request, ClientCredentials credentials) {
        MultivaluedMap<String, String> keycloak = new MultivaluedHashMap<>();
        request.parameters().forEach((name, value) -> {
            if (UNCHANGED.contains(name)) {
                keycloak.putSingle(name, value);
            }
        });
        if (!keycloak.containsKey(CLIENT_ID)) {
            credentials.basicClientId().ifPresent(clientId -> keycloak.putSingle(CLIENT_ID, clientId));
        }
        String scope = scope(request);
        if (!scope.isEmpty()) {
            keycloak.putSingle(SCOPE, scope);
        }
        return keycloak;
    }

    /** The audiences a request names that the client may not request, for an error that names them. */
    public static List<String> audiencesNotAllowed(Auth0AuthorizationRequest request, ClientModel client) {
        Set<String> allowed = new LinkedHashSet<>(client.getClientScopes(true).keySet());
        allowed.addAll(client.getClientScopes(false).keySet());
        return audiences(request).stream().filter(audience -> !allowed.contains(audience)).toList();
    }

    private String scope(Auth0AuthorizationRequest request) {
        Set<String> scopes = new LinkedHashSet<>(split(request.get(SCOPE).orElse("")));
        for (String audience : audiences(request)) {
            requireKnownAudience(audience);
            scopes.add(audience);
        }
        return String.join(" ", scopes);
    }

    private void requireKnownAudience(String audience) {
        if (!clientScopeExists.test(audience)) {
            throw OAuthError.invalidRequest("Service not found: " + audience);
        }
    }

    private static List<String> audiences(Auth0AuthorizationRequest request) {
        return request.get(Auth0Parameters.AUDIENCE).stream().toList();
    }

    private static List<String> split(String scope) {
        return Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }
}
