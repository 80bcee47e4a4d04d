package io.github.kcauth0.probe;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.infinispan.Cache;
import org.infinispan.container.DataContainer;
import org.keycloak.Config;
import org.keycloak.connections.infinispan.InfinispanConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Test-only provider, in its own jar beside the extension's on the test servers (never shipped): shows which
 * parameters Keycloak's single-use store holds for a {@code request_uri}, at
 * {@code GET /realms/{realm}/test-pushed-request?request_uri=…}, so that tests can read the stored entry itself;
 * and how many entries the store's embedded cache holds in this node's memory, expired ones included, at
 * {@code GET /realms/{realm}/test-pushed-request/memory}.
 */
public final class PushedRequestProbe implements RealmResourceProviderFactory {

    private static final String REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new Resource(session);
            }

            @Override
            public void close() {
            }
        };
    }

    public static final class Resource {
        private final KeycloakSession session;

        Resource(KeycloakSession session) {
            this.session = session;
        }

        /** The names of the stored parameters; 404 when nothing is stored for the request_uri. */
        @GET
        @Path("/")
        @Produces(MediaType.APPLICATION_JSON)
        public Response storedParameterNames() {
            String requestUri = session.getContext().getUri().getQueryParameters().getFirst("request_uri");
            if (requestUri == null || !requestUri.startsWith(REQUEST_URI_PREFIX)) {
                return Response.status(400).build();
            }
            String id = requestUri.substring(REQUEST_URI_PREFIX.length());
            // Keycloak 26.7 stores under par:{id}, 26.4 and 26.5 under the id.
            for (String key : List.of("par:" + id, id)) {
                Map<String, String> stored = session.singleUseObjects().get(key);
                if (stored != null) {
                    return Response.ok(new TreeSet<>(stored.keySet())).build();
                }
            }
            return Response.status(404).build();
        }

        /**
         * The {@code actionTokens} cache's entries in this node's memory, expired ones not yet removed included,
         * with the cache's mode and Infinispan's reaper interval; with {@code request_uri}, also whether the entry
         * of that pushed request is still in memory, read without touching it (reading it through the cache would
         * remove it once expired); 404 where the store is not embedded.
         */
        @GET
        @Path("/memory")
        @Produces(MediaType.APPLICATION_JSON)
        public Response entriesInMemory() {
            InfinispanConnectionProvider connections = session.getProvider(InfinispanConnectionProvider.class);
            if (connections == null) {
                return Response.status(404).build();
            }
            Cache<Object, ?> store = connections.getCache(InfinispanConnectionProvider.ACTION_TOKEN_CACHE);
            DataContainer<Object, ?> memory = store.getAdvancedCache().getDataContainer();
            Map<String, Object> answer = new TreeMap<>(Map.of(
                    "entries", memory.sizeIncludingExpired(),
                    "cacheMode", store.getCacheConfiguration().clustering().cacheMode().toString(),
                    "reaperIntervalMillis", store.getCacheConfiguration().expiration().wakeUpInterval()));
            String requestUri = session.getContext().getUri().getQueryParameters().getFirst("request_uri");
            if (requestUri != null && requestUri.startsWith(REQUEST_URI_PREFIX)) {
                String id = requestUri.substring(REQUEST_URI_PREFIX.length());
                answer.put("inMemory", memory.peek("par:" + id) != null || memory.peek(id) != null);
            }
            return Response.ok(answer).build();
        }
    }

    @Override
    public String getId() {
        return "test-pushed-request";
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
