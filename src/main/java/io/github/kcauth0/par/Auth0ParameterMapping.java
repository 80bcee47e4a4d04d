package io.github.kcauth0.par;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.rar.AuthorizationDetailsMapping;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

import static io.github.kcauth0.par.Auth0Parameters.ACR_VALUES;
import static io.github.kcauth0.par.Auth0Parameters.AUDIENCE;
import static io.github.kcauth0.par.Auth0Parameters.AUTHORIZATION_DETAILS;
import static io.github.kcauth0.par.Auth0Parameters.CLAIMS;
import static io.github.kcauth0.par.Auth0Parameters.CONNECTION;
import static io.github.kcauth0.par.Auth0Parameters.DISPLAY;
import static io.github.kcauth0.par.Auth0Parameters.DPOP_JKT;
import static io.github.kcauth0.par.Auth0Parameters.ID_TOKEN_HINT;
import static io.github.kcauth0.par.Auth0Parameters.INVITATION;
import static io.github.kcauth0.par.Auth0Parameters.LOGIN_HINT;
import static io.github.kcauth0.par.Auth0Parameters.NONCE;
import static io.github.kcauth0.par.Auth0Parameters.ORGANIZATION;
import static io.github.kcauth0.par.Auth0Parameters.REQUEST;
import static io.github.kcauth0.par.Auth0Parameters.REQUEST_URI;
import static io.github.kcauth0.par.Auth0Parameters.RESOURCE;
import static io.github.kcauth0.par.Auth0Parameters.RESPONSE_MODE;
import static io.github.kcauth0.par.Auth0Parameters.SCREEN_HINT;
import static org.keycloak.OAuth2Constants.CLIENT_ID;
import static org.keycloak.OAuth2Constants.CODE_CHALLENGE;
import static org.keycloak.OAuth2Constants.CODE_CHALLENGE_METHOD;
import static org.keycloak.OAuth2Constants.MAX_AGE;
import static org.keycloak.OAuth2Constants.PROMPT;
import static org.keycloak.OAuth2Constants.REDIRECT_URI;
import static org.keycloak.OAuth2Constants.RESPONSE_TYPE;
import static org.keycloak.OAuth2Constants.SCOPE;
import static org.keycloak.OAuth2Constants.STATE;
import static org.keycloak.OAuth2Constants.UI_LOCALES_PARAM;

/**
 * Where each Auth0 authorization parameter goes in Keycloak; the README's parameter table describes this class.
 * Most keep their name and meaning; the others become what Keycloak calls the same thing. Client credentials are
 * not part of the request: see {@code ClientCredentials}.
 */
public final class Auth0ParameterMapping {

    /** Same name and meaning in Keycloak. */
    static final Set<String> UNCHANGED = Set.of(CLIENT_ID, RESPONSE_TYPE, RESPONSE_MODE, REDIRECT_URI, STATE, NONCE, CODE_CHALLENGE, CODE_CHALLENGE_METHOD,
            PROMPT, MAX_AGE, LOGIN_HINT, UI_LOCALES_PARAM, ACR_VALUES, CLAIMS, DISPLAY, ID_TOKEN_HINT, DPOP_JKT,
            REQUEST, REQUEST_URI);

    /** Keycloak's identity-provider hint. */
    static final String KC_IDP_HINT = "kc_idp_hint";
    /** Keycloak's registration prompt (OpenID Connect's prompt=create). */
    static final String PROMPT_CREATE = "create";
    static final String SIGNUP = "signup";
    /** Keycloak's scope for a user's organizations; {@code organization:{alias}} asks for one of them. */
    static final String ORGANIZATION_SCOPE = "organization";
    static final String ORGANIZATION_SCOPE_PREFIX = ORGANIZATION_SCOPE + ":";

    private final RealmLookups realm;

    public Auth0ParameterMapping(RealmLookups realm) {
        this.realm = realm;
    }

    /** The mapping at /authorize, for a client identified with its redirect URI: every value is looked up. */
    public static Auth0ParameterMapping forClient(KeycloakSession session, ClientModel client) {
        return new Auth0ParameterMapping(new KeycloakRealmLookups(session, client, false));
    }

    /**
     * The mapping of a push, for a client Keycloak authenticated: the scopes it asks for (APIs, an organization's
     * alias) are left to Keycloak's scope check, which follows; {@link #explained} then explains its rejection.
     */
    static Auth0ParameterMapping forPush(KeycloakSession session, ClientModel client) {
        return new Auth0ParameterMapping(new KeycloakRealmLookups(session, client, true));
    }

    /**
     * Keycloak's rejection of a push's scope as Auth0 answers it: the API or organization the client may not use,
     * "Service not found" or "Organization not found", found by mapping the request again with every value looked up.
     */
    static OAuthError explained(KeycloakSession session, ClientModel client, Auth0AuthorizationRequest request, OAuthError rejected) {
        if (client == null || !OAuthError.INVALID_SCOPE.equals(rejected.error())) {
            return rejected;
        }
        try {
            forClient(session, client).scope(request);
            return rejected;
        } catch (OAuthError explanation) {
            return explanation.asRecordedByKeycloak();
        }
    }

    public MultivaluedMap<String, String> toKeycloak(Auth0AuthorizationRequest request) {
        return toKeycloak(request, request);
    }

    /** @param parsed the request as Keycloak parses it, with the claims of its request object in their place */
    public MultivaluedMap<String, String> toKeycloak(Auth0AuthorizationRequest request, Auth0AuthorizationRequest parsed) {
        if (request.has(INVITATION)) {
            throw OAuthError.invalidRequest("Parameter not supported: invitation; Keycloak invites organization "
                    + "members by e-mail link");
        }
        MultivaluedMap<String, String> keycloak = new MultivaluedHashMap<>();
        request.parameters().forEach((name, value) -> {
            if (UNCHANGED.contains(name) || Auth0Parameters.isExtension(name)) {
                keycloak.putSingle(name, value);
            }
        });
        String scope = scope(request);
        if (!scope.isEmpty()) {
            keycloak.putSingle(SCOPE, scope);
        }
        request.get(CONNECTION).ifPresent(connection -> keycloak.putSingle(KC_IDP_HINT, connection));
        if (request.get(SCREEN_HINT).filter(SIGNUP::equals).isPresent() && !request.has(PROMPT)) {
            keycloak.putSingle(PROMPT, PROMPT_CREATE);
        }
        // Last: whether Keycloak keeps the details with the login depends on the rest of the form.
        request.get(AUTHORIZATION_DETAILS).ifPresent(details -> new AuthorizationDetailsMapping(realm)
                .map(details, apis(request, parsed), keycloak));
        // A request object's own details (not the parameter's), which Keycloak reads from the object.
        parsed.get(AUTHORIZATION_DETAILS).filter(details -> request.has(REQUEST) && !request.get(AUTHORIZATION_DETAILS).equals(Optional.of(details)))
                .ifPresent(details -> new AuthorizationDetailsMapping(realm).checkInsideRequestObject(details, apis(request, parsed)));
        return keycloak;
    }

    /**
     * The APIs of a request's {@code authorization_details}: its {@code audience}, and with a request object, where
     * {@code audience} cannot be mapped, the client's API scopes the object's {@code scope} names.
     */
    private List<String> apis(Auth0AuthorizationRequest request, Auth0AuthorizationRequest parsed) {
        List<String> apis = audiences(request);
        if (request.has(REQUEST)) {
            split(parsed.get(SCOPE).orElse("")).stream()
                    .filter(scope -> !apis.contains(scope) && realm.registeredOn(scope).isPresent())
                    .forEach(apis::add);
        }
        return apis;
    }

    /** The Auth0 API a request names, by {@code audience} or its alias {@code resource}. */
    public static List<String> audiences(Auth0AuthorizationRequest request) {
        List<String> audiences = new ArrayList<>();
        request.get(AUDIENCE).ifPresent(audiences::add);
        request.get(RESOURCE).filter(resource -> !audiences.contains(resource)).ifPresent(audiences::add);
        return audiences;
    }

    /**
     * {@code audience=X} requests the client scope X, whose Audience mapper puts X into the access token's aud.
     * An API or organization the client may not use is answered as one that does not exist.
     */
    private String scope(Auth0AuthorizationRequest request) {
        Set<String> scopes = new LinkedHashSet<>(split(request.get(SCOPE).orElse("")));
        for (String audience : audiences(request)) {
            if (!realm.clientMayRequestScope(audience)) {
                throw OAuthError.invalidRequest("Service not found: " + audience, "Service not found");
            }
            scopes.add(audience);
        }
        request.get(ORGANIZATION).ifPresent(organization -> scopes.add(ORGANIZATION_SCOPE_PREFIX + organizationAlias(organization)));
        return String.join(" ", scopes);
    }

    private String organizationAlias(String organization) {
        return Optional.of(organization)
                .filter(named -> realm.clientMayRequestScope(ORGANIZATION_SCOPE))
                .flatMap(realm::organizationAlias)
                .orElseThrow(() -> organizationNotFound(organization));
    }

    private static OAuthError organizationNotFound(String organization) {
        return OAuthError.invalidRequest("Organization not found: " + organization, "Organization not found");
    }

    private static List<String> split(String scope) {
        return Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty()).toList();
    }
}
