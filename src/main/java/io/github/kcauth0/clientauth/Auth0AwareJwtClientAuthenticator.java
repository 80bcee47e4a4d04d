package io.github.kcauth0.clientauth;

import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.authenticators.client.JWTClientAuthenticator;

/** Keycloak's private_key_jwt authenticator ("client-jwt"), also taking Auth0's assertion audiences. */
public final class Auth0AwareJwtClientAuthenticator extends JWTClientAuthenticator {

    @Override
    public void authenticateClient(ClientAuthenticationFlowContext context) {
        Auth0AssertionAudiences.normalize(context);
        super.authenticateClient(context);
    }
}
