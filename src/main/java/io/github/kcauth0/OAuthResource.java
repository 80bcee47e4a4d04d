package io.github.kcauth0;

import io.github.kcauth0.par.ParResource;
import io.github.kcauth0.token.TokenResource;
import jakarta.ws.rs.Path;

import org.keycloak.models.KeycloakSession;

/** {@code /realms/{realm}/oauth}: the Auth0 paths under {@code https://{domain}/oauth/}. */
public final class OAuthResource {

    private final KeycloakSession session;

    OAuthResource(KeycloakSession session) {
        this.session = session;
    }

    @Path("par")
    public ParResource par() {
        return new ParResource(session);
    }

    @Path("token")
    public TokenResource token() {
        return new TokenResource(session);
    }
}
