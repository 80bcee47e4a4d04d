package io.github.kcauth0.clientauth;

import java.util.Arrays;
import java.util.Set;

import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.authenticators.client.ClientAssertionState;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.services.Urls;

/**
 * Auth0's SDKs address client assertions to {@code https://{domain}/}, with a trailing slash; RFC 9126 §2 lets
 * a client address its PAR endpoint. Keycloak accepts its issuer and its own endpoint URLs only. On this
 * extension's endpoints, an assertion addressed to one of Auth0's forms is checked as if addressed to the
 * issuer: Keycloak still verifies signature, expiry, single use and everything else.
 */
public final class Auth0AssertionAudiences {

    /** Session attribute set by this extension's endpoints before Keycloak authenticates the client. */
    private static final String ON_AUTH0_ENDPOINT = Auth0AssertionAudiences.class.getName();

    private Auth0AssertionAudiences() {
    }

    public static void acceptOnThisRequest(KeycloakSession session) {
        session.setAttribute(ON_AUTH0_ENDPOINT, Boolean.TRUE);
    }

    /**
     * Whether this request, on this extension's endpoints, carries a client assertion addressed to Auth0's issuer
     * {@code https://{domain}/} alone: the one audience FAPI 2.0 allows, in Auth0's spelling.
     */
    static boolean addressedToAuth0IssuerAlone(KeycloakSession session) {
        if (session.getAttribute(ON_AUTH0_ENDPOINT) == null) {
            return false;
        }
        String assertion = session.getContext().getHttpRequest().getDecodedFormParameters().getFirst(OAuth2Constants.CLIENT_ASSERTION);
        if (assertion == null) {
            return false;
        }
        String[] audience;
        try {
            audience = new JWSInput(assertion).readJsonContent(JsonWebToken.class).getAudience();
        } catch (JWSInputException | RuntimeException unreadable) {
            return false; // Keycloak's executor reads it again and says why it is unreadable.
        }
        String issuer = Urls.realmIssuer(session.getContext().getUri().getBaseUri(), session.getContext().getRealm().getName());
        return audience != null && audience.length == 1 && (issuer + "/").equals(audience[0]);
    }

    static void normalize(ClientAuthenticationFlowContext context) {
        if (context.getSession().getAttribute(ON_AUTH0_ENDPOINT) == null) {
            return;
        }
        JsonWebToken assertion;
        try {
            assertion = context.getState(ClientAssertionState.class, ClientAssertionState.supplier()).getToken();
        } catch (Exception unreadable) {
            return; // Keycloak's authenticator reads it again and reports why it is unreadable.
        }
        if (assertion == null || assertion.getAudience() == null) {
            return;
        }
        String issuer = Urls.realmIssuer(context.getUriInfo().getBaseUri(), context.getRealm().getName());
        Set<String> auth0Forms = Set.of(issuer + "/", issuer + "/oauth/par", issuer + "/oauth/token");
        assertion.audience(Arrays.stream(assertion.getAudience())
                .map(audience -> auth0Forms.contains(audience) ? issuer : audience)
                .distinct()
                .toArray(String[]::new));
    }
}
