package io.github.kcauth0.oauth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.util.BasicAuthHelper;

import static org.keycloak.OAuth2Constants.CLIENT_ASSERTION;
import static org.keycloak.OAuth2Constants.CLIENT_ASSERTION_TYPE;
import static org.keycloak.OAuth2Constants.CLIENT_ASSERTION_TYPE_JWT;
import static org.keycloak.OAuth2Constants.CLIENT_ID;
import static org.keycloak.OAuth2Constants.CLIENT_SECRET;

/**
 * The client authentication a request carries. Keycloak verifies the credentials; this only enforces what
 * RFC 6749 §2.3 asks of their shape: one method per request, and a client_id that agrees with the header.
 * An {@code Authorization: Bearer} header (Auth0's reference curl sends one) is not a client credential.
 */
public final class ClientCredentials {

    private final String basicClientId;

    private ClientCredentials(String basicClientId) {
        this.basicClientId = basicClientId;
    }

    /** @param parameters the request's parameters, each present at most once */
    public static ClientCredentials of(String authorizationHeader, Map<String, String> parameters) {
        String basicClientId = isBasic(authorizationHeader) ? basicClientId(authorizationHeader) : null;
        int methods = (basicClientId != null ? 1 : 0)
                + (parameters.containsKey(CLIENT_SECRET) ? 1 : 0)
                + (parameters.containsKey(CLIENT_ASSERTION) ? 1 : 0);
        if (methods > 1) {
            throw OAuthError.invalidRequest("Only one client authentication method may be used");
        }
        checkAssertionParameters(parameters);
        String clientId = parameters.get(CLIENT_ID);
        if (basicClientId != null && clientId != null && !clientId.equals(basicClientId)) {
            throw OAuthError.invalidClient();
        }
        return new ClientCredentials(basicClientId);
    }

    /** The form Keycloak authenticates the client with: its client_id and the credentials the request carries. */
    public static MultivaluedMap<String, String> authenticationForm(String clientId, Map<String, String> parameters) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle(CLIENT_ID, clientId);
        for (String credential : List.of(CLIENT_SECRET, CLIENT_ASSERTION, CLIENT_ASSERTION_TYPE)) {
            if (parameters.containsKey(credential)) {
                form.putSingle(credential, parameters.get(credential));
            }
        }
        return form;
    }

    /**
     * Takes a {@code client_secret} out of a Keycloak form and gives it back as HTTP Basic (RFC 6749 §2.3.1), which
     * Keycloak's client-secret authenticator reads as it reads the form's: the secret then never sits in a form
     * that Keycloak stores (its PAR endpoint stores the whole form).
     *
     * @return the {@code Authorization} header, or null when the form holds no secret
     */
    public static String secretAsBasic(MultivaluedMap<String, String> keycloakForm) {
        String clientId = keycloakForm.getFirst(CLIENT_ID);
        String secret = keycloakForm.getFirst(CLIENT_SECRET);
        if (clientId == null || secret == null) {
            return null;
        }
        keycloakForm.remove(CLIENT_SECRET);
        return BasicAuthHelper.RFC6749.createHeader(clientId, secret);
    }

    public static boolean isBasic(String authorizationHeader) {
        return authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** The client_id from HTTP Basic authentication, if the client used it. */
    public Optional<String> basicClientId() {
        return Optional.ofNullable(basicClientId);
    }

    private static String basicClientId(String authorizationHeader) {
        String[] idAndSecret;
        try {
            idAndSecret = BasicAuthHelper.RFC6749.parseHeader(authorizationHeader);
        } catch (IllegalArgumentException malformedPercentEncoding) {
            idAndSecret = null;
        }
        // A control character reaches no client lookup, as in a body (RequestBody).
        if (idAndSecret == null || idAndSecret[0].isEmpty() || RequestBody.hasControlCharacter(idAndSecret[0])) {
            throw OAuthError.invalidClient();
        }
        return idAndSecret[0];
    }

    private static void checkAssertionParameters(Map<String, String> parameters) {
        boolean hasAssertion = parameters.containsKey(CLIENT_ASSERTION);
        String type = parameters.get(CLIENT_ASSERTION_TYPE);
        if (hasAssertion && type == null) {
            throw OAuthError.missingParameter(CLIENT_ASSERTION_TYPE);
        }
        if (type != null && !hasAssertion) {
            throw OAuthError.missingParameter(CLIENT_ASSERTION);
        }
        if (type != null && !CLIENT_ASSERTION_TYPE_JWT.equals(type)) {
            throw OAuthError.invalidParameter(CLIENT_ASSERTION_TYPE);
        }
    }
}
