package io.github.kcauth0.store;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.infinispan.Cache;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.connections.infinispan.InfinispanConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderFactory;

/**
 * Once per node, after Keycloak has started: a daemon timer running {@link ExpiredEntriesPass} over the
 * {@code actionTokens} cache every {@code period-seconds} (default 5), so that a pushed request (or any other
 * single-use object) leaves the heap at most one period, plus one pass, after its lifespan ends, whatever
 * Infinispan's reaper interval is. Nothing on a request path. Where the single-use store is not Keycloak's embedded
 * Infinispan (a remote Infinispan via {@code --cache-remote-host}, or a persistent store behind the cache), the
 * entries' expiration is the store's own: one log line, no timer.
 */
public final class ExpiredEntriesPassFactory implements ExpiredEntriesSpi.Factory {

    public static final String PROVIDER_ID = "default";
    public static final int DEFAULT_PERIOD_SECONDS = 5;

    /** Keycloak's id of its embedded-Infinispan single-use store (the remote one is {@code "remote"}). */
    private static final String EMBEDDED_STORE = "infinispan";
    private static final ExpiredEntriesSpi.Pass NOTHING_PER_SESSION = () -> { };
    private static final Logger LOG = Logger.getLogger(ExpiredEntriesPassFactory.class);

    private int periodSeconds;
    private ScheduledExecutorService timer;

    @Override
    public void init(Config.Scope config) {
        periodSeconds = config.getInt("period-seconds", DEFAULT_PERIOD_SECONDS);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (periodSeconds <= 0) {
            LOG.info("Expired entries of Keycloak's single-use store: no pass of this extension (period-seconds <= 0)");
            return;
        }
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                start(factory);
            }
        });
    }

    private synchronized void start(KeycloakSessionFactory factory) {
        if (timer != null) {
            return;
        }
        Cache<?, ?> store = embeddedStore(factory);
        if (store == null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "auth0-par-expired-entries");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(new ExpiredEntriesPass(store), periodSeconds, periodSeconds, TimeUnit.SECONDS);
        LOG.infof("Expired entries of Keycloak's single-use store (%s cache, %s): removed every %d s on this node "
                        + "(Infinispan's reaper: every %d s)", store.getName(),
                store.getCacheConfiguration().clustering().cacheMode(), periodSeconds,
                TimeUnit.MILLISECONDS.toSeconds(store.getCacheConfiguration().expiration().wakeUpInterval()));
    }

    /** The single-use store's embedded cache, or null (logged) where its entries live elsewhere. */
    private static Cache<?, ?> embeddedStore(KeycloakSessionFactory factory) {
        ProviderFactory<SingleUseObjectProvider> singleUse = factory.getProviderFactory(SingleUseObjectProvider.class);
        if (singleUse == null || !EMBEDDED_STORE.equals(singleUse.getId())) {
            LOG.infof("Expired entries of Keycloak's single-use store: left to its own expiration (store '%s', not "
                    + "embedded Infinispan)", singleUse == null ? "none" : singleUse.getId());
            return null;
        }
        try (KeycloakSession session = factory.create()) {
            Cache<?, ?> store = session.getProvider(InfinispanConnectionProvider.class)
                    .getCache(InfinispanConnectionProvider.ACTION_TOKEN_CACHE);
            if (store.getCacheConfiguration().persistence().usingStores()) {
                LOG.infof("Expired entries of Keycloak's single-use store: left to its own expiration (the %s cache "
                        + "has a persistent or remote store)", store.getName());
                return null;
            }
            return store;
        }
    }

    @Override
    public ExpiredEntriesSpi.Pass create(KeycloakSession session) {
        return NOTHING_PER_SESSION;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
