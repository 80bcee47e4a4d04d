package io.github.kcauth0.oauth;

import io.github.kcauth0.ops.RateLimits;
import io.github.kcauth0.par.ParResource;
import io.github.kcauth0.token.TokenResource;
import jakarta.ws.rs.Path;

import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;

/** {@code /realms/{realm}/oauth}: the Auth0 paths under {@code https://{domain}/oauth/}. */
public final class OAuthResource {

    private final KeycloakSession session;
    private final RateLimits rateLimits;

    OAuthResource(KeycloakSession session, RateLimits rateLimits) {
        this.session = session;
        this.rateLimits = rateLimits;
    }

    @Path("par")
    public ParResource par() {
        ContentTypeGuard.check(session, "par", RequestBody::requireForm, EventType.PUSHED_AUTHORIZATION_REQUEST);
        return new ParResource(session, rateLimits);
    }

    @Path("token")
    public TokenResource token() {
        ContentTypeGuard.check(session, "token", RequestBody::requireFormOrJson, EventType.CODE_TO_TOKEN);
        return new TokenResource(session, rateLimits);
    }
}
