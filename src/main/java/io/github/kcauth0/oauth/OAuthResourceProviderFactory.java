package io.github.kcauth0.oauth;

import io.github.kcauth0.ops.PendingPushes;
import io.github.kcauth0.ops.RateLimits;
import io.github.kcauth0.realm.EnabledRealmResourceProviderFactory;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;

/** Mounts {@link OAuthResource} at {@code /realms/{realm}/oauth}, where Auth0 serves {@code /oauth/...}. */
public final class OAuthResourceProviderFactory extends EnabledRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "oauth";

    private static final Logger LOG = Logger.getLogger(OAuthResourceProviderFactory.class);

    /** One per Keycloak node: the rate limits' buckets and the pending pushes live as long as the server. */
    private RateLimits rateLimits;

    /**
     * The node's cap on pending pushed requests: {@code --spi-realm-restapi-extension--oauth--max-pending-requests},
     * else derived from the maximum heap.
     */
    @Override
    public void init(Config.Scope config) {
        int cap = config.getInt("max-pending-requests", PendingPushes.defaultCap(Runtime.getRuntime().maxMemory()));
        LOG.infof("Auth0 /oauth/par: at most %d pending pushed requests on this node", cap);
        rateLimits = new RateLimits(new PendingPushes(cap));
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new OAuthResource(session, rateLimits);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
