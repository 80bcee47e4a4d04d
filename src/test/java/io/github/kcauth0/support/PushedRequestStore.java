package io.github.kcauth0.support;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keycloak's store of pushed requests, seen from outside. Keycloak keeps a pushed request in
 * {@code session.singleUseObjects()}, which in Keycloak 26 is the Infinispan cache {@code actionTokens}; the
 * server's management endpoint ({@code --metrics-enabled=true}) publishes that cache's Infinispan statistics,
 * among them {@code vendor_statistics_stores}: how many writes the cache has taken since the server started. It
 * only grows, counts a write even if the entry is removed or expires at once, and moves only when something is
 * written (a pushed request, an authorization code, a used client-assertion id, ...). So, with nothing else
 * running against the server, an unchanged count across a request proves that the request stored nothing there.
 * Entry counts would be weaker: pushed requests from earlier tests expire meanwhile and lower them.
 */
public final class PushedRequestStore {

    private final KeycloakServer server;

    public PushedRequestStore(KeycloakServer server) {
        this.server = server;
    }

    /**
     * The names of the parameters Keycloak's store holds for a pushed request, read on the server by the tests'
     * probe provider ({@code probe/PushedRequestProbe}); empty when nothing is stored for it.
     */
    public Set<String> storedParameterNames(String realm, String requestUri) {
        HttpResponse<String> stored = Http.get(server.domain(realm) + "/test-pushed-request?request_uri=" + Http.urlEncode(requestUri));
        if (stored.statusCode() == 404) {
            return Set.of();
        }
        if (stored.statusCode() != 200) {
            throw new AssertionError("Probe answered " + stored.statusCode() + " " + stored.body());
        }
        Set<String> names = new TreeSet<>();
        Http.json(stored).forEach(name -> names.add(name.asText()));
        return names;
    }

    /**
     * How many entries Keycloak's single-use store holds in the server's memory, expired ones not yet removed
     * included, read by the probe provider.
     */
    public long entriesInMemory() {
        HttpResponse<String> memory = Http.get(server.domain("master") + "/test-pushed-request/memory");
        if (memory.statusCode() != 200) {
            throw new AssertionError("Probe answered " + memory.statusCode() + " " + memory.body());
        }
        return Http.json(memory).get("entries").asLong();
    }

    /**
     * Whether the entry of this pushed request is still in the server's memory, expired or not, read by the probe
     * provider without touching it.
     */
    public boolean inMemory(String requestUri) {
        HttpResponse<String> memory = Http.get(server.domain("master") + "/test-pushed-request/memory?request_uri="
                + Http.urlEncode(requestUri));
        if (memory.statusCode() != 200) {
            throw new AssertionError("Probe answered " + memory.statusCode() + " " + memory.body());
        }
        return Http.json(memory).get("inMemory").asBoolean();
    }

    /** How many writes Keycloak's single-use store has taken. */
    public long writes() {
        return statistic("vendor_statistics_stores");
    }

    /** How many entries have been removed from Keycloak's single-use store. */
    public long removals() {
        return statistic("vendor_statistics_remove_hits");
    }

    private long statistic(String name) {
        String prefix = name + "{cache=\"actionTokens\"";
        HttpResponse<String> metrics = Http.get(server.managementUrl() + "/metrics");
        if (metrics.statusCode() != 200) {
            throw new AssertionError("No metrics: " + metrics.statusCode() + " " + metrics.body());
        }
        return metrics.body().lines()
                .filter(line -> line.startsWith(prefix))
                .map(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Keycloak publishes no " + prefix + "} metric"));
    }
}
