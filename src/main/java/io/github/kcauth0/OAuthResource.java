package io.github.kcauth0;

import io.github.kcauth0.oauth.ContentTypeGuard;
import io.github.kcauth0.oauth.RequestBody;
import io.github.kcauth0.ops.ClientRateLimiter;
import io.github.kcauth0.par.ParResource;
import io.github.kcauth0.token.TokenResource;
import jakarta.ws.rs.Path;

import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;

/** {@code /realms/{realm}/oauth}: the Auth0 paths under {@code https://{domain}/oauth/}. */
public final class OAuthResource {

    private final KeycloakSession session;
    private final ClientRateLimiter rateLimiter;

    OAuthResource(KeycloakSession session, ClientRateLimiter rateLimiter) {
        this.session = session;
        this.rateLimiter = rateLimiter;
    }

    @Path("par")
    public ParResource par() {
        ContentTypeGuard.check(session, "par", RequestBody::requireForm, EventType.PUSHED_AUTHORIZATION_REQUEST);
        return new ParResource(session, rateLimiter);
    }

    @Path("token")
    public TokenResource token() {
        ContentTypeGuard.check(session, "token", RequestBody::requireFormOrJson, EventType.CODE_TO_TOKEN);
        return new TokenResource(session);
    }
}
