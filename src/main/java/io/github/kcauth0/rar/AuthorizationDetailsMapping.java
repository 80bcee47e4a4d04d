package io.github.kcauth0.rar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.kcauth0.oauth.OAuthError;

import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpointChecker;

import static org.keycloak.protocol.oidc.OIDCLoginProtocol.PROMPT_PARAM;
import static org.keycloak.protocol.oidc.OIDCLoginProtocol.PROMPT_VALUE_CONSENT;
import static org.keycloak.protocol.oidc.OIDCLoginProtocol.PROMPT_VALUE_NONE;

/**
 * Where a request's {@code authorization_details} go in Keycloak. Types Keycloak processes itself
 * ({@code openid_credential}, OID4VC) keep Keycloak's parameter, as before. Any other type must be registered on
 * the API the request names ({@code audience} or {@code resource}) among the client's own; the array is then
 * handed to Keycloak whole under {@value CarriedAuthorizationDetails#PARAMETER}, a name Keycloak does not know and
 * so keeps as a note of the login on every release, where 26.7 would refuse {@code authorization_details} of a
 * type it has no processor for.
 */
public final class AuthorizationDetailsMapping {

    /**
     * Whether Keycloak's authorization endpoint refuses a type it has no {@code AuthorizationDetailsProcessor} for,
     * as 26.7 does in {@code AuthorizationEndpointChecker.checkAuthorizationDetails}; 26.4 and 26.5 keep it.
     */
    static final boolean KEYCLOAK_REFUSES_UNPROCESSED_TYPES = Arrays.stream(AuthorizationEndpointChecker.class.getMethods())
            .anyMatch(method -> method.getName().equals("checkAuthorizationDetails"));

    private final AuthorizationDetailsRealm realm;

    public AuthorizationDetailsMapping(AuthorizationDetailsRealm realm) {
        this.realm = realm;
    }

    /**
     * @param apis         the APIs the request names
     * @param keycloakForm the rest of the request as Keycloak will read it, which the details join
     */
    public void map(String value, List<String> apis, Map<String, List<String>> keycloakForm) {
        AuthorizationDetails details = AuthorizationDetails.parse(value);
        if (realm.processedByKeycloak().containsAll(details.types())) {
            keycloakForm.put(AuthorizationDetails.PARAMETER, List.of(details.json()));
            return;
        }
        LoginParameterLimits limits = realm.loginParameterLimits();
        requireRegistered(details, apis);
        requireKeptWithTheLogin(details, limits, keycloakForm);
        keycloakForm.put(CarriedAuthorizationDetails.PARAMETER, List.of(details.json()));
        if (realm.clientRequiresConsent()) {
            keycloakForm.put(PROMPT_PARAM, List.of(askingForConsent(keycloakForm.get(PROMPT_PARAM))));
        }
    }

    /**
     * The details belong to this request (a payment), so a consent remembered from an earlier one does not cover
     * them: as Auth0 shows its consent prompt for every request with authorization_details, the user is asked again.
     * {@code prompt=none} cannot ask, so it is refused rather than letting a remembered consent approve them.
     */
    private static String askingForConsent(List<String> prompt) {
        List<String> values = new ArrayList<>(prompt == null || prompt.isEmpty() ? List.of() : List.of(prompt.get(0).split(" ")));
        values.removeIf(String::isEmpty);
        if (values.contains(PROMPT_VALUE_NONE)) {
            throw OAuthError.invalidRequest("prompt=none cannot be used with an API's authorization_details: "
                    + "this client asks its users to consent to each request's details");
        }
        if (!values.contains(PROMPT_VALUE_CONSENT)) {
            values.add(PROMPT_VALUE_CONSENT);
        }
        return String.join(" ", values);
    }

    /**
     * Inside a request object Keycloak reads the details itself, under its own name: an API's types are checked as
     * beside it and left there, for {@link CarriedAuthorizationDetails#takeFromKeycloaksNotes} to carry once the
     * login is done. Keycloak 26.7 refuses them as soon as it has read the object ("Unsupported type"), before
     * anything can move them: there they are refused here, with what to do instead.
     */
    public void checkInsideRequestObject(String value, List<String> apis) {
        AuthorizationDetails details = AuthorizationDetails.parse(value);
        if (realm.processedByKeycloak().containsAll(details.types())) {
            return;
        }
        if (KEYCLOAK_REFUSES_UNPROCESSED_TYPES) {
            String type = details.types().stream().filter(t -> !realm.processedByKeycloak().contains(t)).findFirst().orElseThrow();
            throw OAuthError.invalidAuthorizationDetails("authorization_details type \"" + type + "\" cannot be carried "
                    + "inside a request object on this Keycloak release; send the authorization_details parameter beside it",
                    "An API's authorization_details type cannot be carried inside a request object on this Keycloak "
                            + "release; send the authorization_details parameter beside it");
        }
        requireRegistered(details, apis);
        requireNotLongerThanKept(details, realm.loginParameterLimits());
    }

    private static void requireNotLongerThanKept(AuthorizationDetails details, LoginParameterLimits limits) {
        if (details.json().length() > limits.maxLength()) {
            throw AuthorizationDetails.invalid("authorization_details is " + details.json().length() + " characters long; "
                    + "this server keeps at most " + limits.maxLength() + " with a login (Keycloak's add-req-params-max-size)");
        }
    }

    private void requireRegistered(AuthorizationDetails details, List<String> apis) {
        if (apis.isEmpty()) {
            throw AuthorizationDetails.invalid("authorization_details needs an audience: the API that registers its types");
        }
        Set<String> registered = new HashSet<>();
        for (String api : apis) {
            registered.addAll(realm.registeredOn(api)
                    .orElseThrow(() -> OAuthError.invalidRequest("Service not found: " + api, "Service not found")));
        }
        for (String type : details.types()) {
            if (!registered.contains(type)) {
                throw OAuthError.invalidAuthorizationDetails("authorization_details type \"" + type + "\" is not registered on the API",
                        "authorization_details type not registered on the API");
            }
        }
    }

    /** Keycloak drops an unknown parameter beyond its limits without a word: refused here instead, with the limit. */
    private static void requireKeptWithTheLogin(AuthorizationDetails details, LoginParameterLimits limits,
                                                Map<String, List<String>> keycloakForm) {
        requireNotLongerThanKept(details, limits);
        long kept = keycloakForm.keySet().stream().filter(name -> !limits.known().contains(name)).count();
        long withDetails = kept + 1 + limits.addedByKeycloak();
        if (withDetails > limits.maxCount()) {
            throw AuthorizationDetails.invalid("with authorization_details this request has " + withDetails + " parameters that "
                    + "Keycloak keeps with a login, and this server keeps at most " + limits.maxCount()
                    + " (Keycloak's add-req-params-max-number)");
        }
    }
}
