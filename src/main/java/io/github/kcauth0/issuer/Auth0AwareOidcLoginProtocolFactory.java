package io.github.kcauth0.issuer;

import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocolFactory;

/**
 * Keycloak's OpenID Connect login protocol ("openid-connect"), replaced by provider id with one whose
 * authorization responses carry Auth0's issuer for logins started at this extension's /authorize
 * ({@link Auth0AwareOidcLoginProtocol}); everything else, the factory's included, is Keycloak's.
 */
public final class Auth0AwareOidcLoginProtocolFactory extends OIDCLoginProtocolFactory {

    @Override
    public LoginProtocol create(KeycloakSession session) {
        OIDCLoginProtocol keycloaks = (OIDCLoginProtocol) super.create(session);
        return new Auth0AwareOidcLoginProtocol(keycloaks.getConfig()).setSession(session);
    }
}
