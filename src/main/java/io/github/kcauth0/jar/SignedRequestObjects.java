package io.github.kcauth0.jar;

import java.util.Map;
import java.util.Set;

import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.par.Auth0AuthorizationRequest;
import io.github.kcauth0.par.Auth0Parameters;
import io.github.kcauth0.par.KeycloakParStore;

import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;

/**
 * Auth0's {@code signed_request_object.required}: a client that must send its authorization requests as a signed
 * request object (JAR), at /oauth/par and at /authorize. Keycloak's counterpart is the client's
 * {@code request.object.required} (<i>Request object required</i> in the console): "request or request_uri" lets a
 * client send a request object or a {@code request_uri}, and Keycloak's PAR endpoint takes a push only with a
 * {@code request}, which is Auth0's rule. The extension holds its endpoints to it before Keycloak does, so that
 * the answer is Auth0's {@code invalid_request} with a description, where Keycloak answers with a generic one.
 */
public final class SignedRequestObjects {

    static final String REQUIRED = "A signed request object is required for this client: send the authorization "
            + "request as a JWT in the request parameter";
    static final String PUSHED_WITHOUT_ONE = "request_uri was pushed without a signed request object, which this "
            + "client requires";
    private static final String REQUEST = "request";
    /** The settings of request.object.required under which a request without a request object is refused. */
    private static final Set<String> REQUIRING = Set.of(OIDCConfigAttributes.REQUEST_OBJECT_REQUIRED_REQUEST_OR_REQUEST_URI,
            OIDCConfigAttributes.REQUEST_OBJECT_REQUIRED_REQUEST);

    private SignedRequestObjects() {
    }

    public static boolean requiredBy(ClientModel client) {
        String required = OIDCAdvancedConfigWrapper.fromClientModel(client).getRequestObjectRequired();
        return required != null && REQUIRING.contains(required);
    }

    /**
     * At /oauth/par and at /authorize without a push. Whether the object is signed (not {@code alg=none}) is
     * checked with the other request object rules; here only that there is one.
     */
    public static void require(ClientModel client, Map<String, String> request) {
        if (requiredBy(client) && request.get(REQUEST) == null) {
            throw OAuthError.invalidRequest(REQUIRED);
        }
    }

    /**
     * At /authorize with a push, before Keycloak reads it: the stored pushed request must hold a request object. A
     * request pushed before the client was required to sign carries none. A request Keycloak does not hold is left
     * to Keycloak, which refuses it.
     */
    public static void requirePushed(KeycloakSession session, Auth0AuthorizationRequest reference) {
        ClientModel client = reference.get(OAuth2Constants.CLIENT_ID).map(session.getContext().getRealm()::getClientByClientId).orElse(null);
        if (client == null || !requiredBy(client)) {
            return;
        }
        reference.get(Auth0Parameters.REQUEST_URI).flatMap(requestUri -> KeycloakParStore.find(session, requestUri))
                .filter(pushed -> pushed.get(REQUEST) == null)
                .ifPresent(pushed -> {
                    throw OAuthError.invalidRequest(PUSHED_WITHOUT_ONE);
                });
    }
}
