package io.github.kcauth0;

import io.github.kcauth0.ops.RateLimits;
import org.keycloak.models.KeycloakSession;

/** Mounts {@link OAuthResource} at {@code /realms/{realm}/oauth}, where Auth0 serves {@code /oauth/...}. */
public final class OAuthResourceProviderFactory extends EnabledRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "oauth";

    /** One per Keycloak node: the rate limits' buckets live as long as the server. */
    private final RateLimits rateLimits = new RateLimits();

    @Override
    Object resource(KeycloakSession session) {
        return new OAuthResource(session, rateLimits);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
