package io.github.kcauth0;

import io.github.kcauth0.ops.ClientRateLimiter;
import org.keycloak.models.KeycloakSession;

/** Mounts {@link OAuthResource} at {@code /realms/{realm}/oauth}, where Auth0 serves {@code /oauth/...}. */
public final class OAuthResourceProviderFactory extends EnabledRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "oauth";

    /** One per Keycloak node: the rate limit's buckets live as long as the server. */
    private final ClientRateLimiter rateLimiter = new ClientRateLimiter();

    @Override
    Object resource(KeycloakSession session) {
        return new OAuthResource(session, rateLimiter);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
