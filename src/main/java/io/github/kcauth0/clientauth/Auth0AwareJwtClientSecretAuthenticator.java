package io.github.kcauth0.clientauth;

import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.authenticators.client.JWTClientSecretAuthenticator;

/** Keycloak's client_secret_jwt authenticator ("client-secret-jwt"), also taking Auth0's assertion audiences. */
public final class Auth0AwareJwtClientSecretAuthenticator extends JWTClientSecretAuthenticator {

    @Override
    public void authenticateClient(ClientAuthenticationFlowContext context) {
        Auth0AssertionAudiences.normalize(context);
        super.authenticateClient(context);
    }
}
