package io.github.kcauth0.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.PushedRequestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;
import static io.github.kcauth0.support.TestRealms.CODE_VERIFIER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Keycloak nodes on this machine, one PostgreSQL database, clustered by Keycloak's default discovery
 * (jdbc-ping) over loopback: a request pushed on one node is logged in and redeemed on the other, also when
 * the first node is gone. Run by {@code ./test-cluster.sh}, which installs and starts PostgreSQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    private static final String CALLBACK = "https://your-app.com/callback";
    private static KeycloakServer nodeA;
    private static KeycloakServer nodeB;

    @BeforeAll
    static void startTwoNodes() throws IOException {
        Path dist = Path.of(System.getProperty("keycloak.home"));
        nodeA = KeycloakServer.start(copy(dist, "node-a"), nodeArguments(7800, true));
        nodeB = KeycloakServer.start(copy(dist, "node-b"), nodeArguments(7801, false));
        awaitClusterOfTwo(nodeB, Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopNodes() {
        Stream.of(nodeA, nodeB).filter(node -> node != null).forEach(KeycloakServer::stop);
    }

    @Test
    @Order(1)
    void requestPushedOnOneNodeLogsInAndRedeemsOnTheOther() {
        String requestUri = push(nodeA);

        // the entry replicated to the other node holds no client credential
        java.util.Set<String> storedOnB = new PushedRequestStore(nodeB).storedParameterNames("demo", requestUri);
        assertTrue(storedOnB.contains("redirect_uri"), storedOnB.toString());
        assertFalse(storedOnB.contains("client_secret"), storedOnB.toString());
        HttpResponse<String> tokens = loginAndRedeem(nodeB, requestUri);

        assertEquals(200, tokens.statusCode(), tokens.body());
    }

    /**
     * What bounds a node's memory on a cluster: Keycloak's actionTokens cache keeps each pushed request on 2 owners
     * (its default and minimum), so on two nodes each holds every pending request, whichever node accepted it.
     */
    @Test
    @Order(2)
    void eachNodeHoldsThePendingRequestsTheOtherAccepted() {
        int pushed = 20;
        for (int i = 0; i < pushed; i++) {
            push(nodeA);
        }

        long heldByA = entriesInMemory(nodeA);
        long heldByB = entriesInMemory(nodeB);
        System.out.printf("Pending pushed requests after %d pushes on node A: node A holds %d entries, node B %d%n",
                pushed, heldByA, heldByB);

        assertTrue(heldByA >= pushed, "node A holds what it accepted: " + heldByA);
        assertTrue(heldByB >= pushed, "node B holds them too: " + heldByB);
    }

    @Test
    @Order(3)
    void loginCompletesOnTheOtherNodeAfterThePushingNodeStopped() {
        String requestUri = push(nodeA);
        nodeA.stop();

        HttpResponse<String> tokens = loginAndRedeem(nodeB, requestUri);

        assertEquals(200, tokens.statusCode(), tokens.body());
    }

    private static String push(KeycloakServer node) {
        return new Auth0Domain(node, "demo").requestUri(Http.form(
                "client_id", "YOUR_CLIENT_ID", "client_secret", "YOUR_CLIENT_SECRET", "response_type", "code",
                "redirect_uri", CALLBACK, "scope", "openid", "state", "cluster",
                "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256"));
    }

    private static HttpResponse<String> loginAndRedeem(KeycloakServer node, String requestUri) {
        Auth0Domain domain = new Auth0Domain(node, "demo");
        URI callback = new Browser(node).login(domain.authorizeUrl("YOUR_CLIENT_ID", requestUri), "demo", "demo");
        assertEquals("cluster", Browser.queryParameters(callback).get("state"));
        return Http.postForm(domain.tokenUrl(), Http.form("grant_type", "authorization_code",
                "client_id", "YOUR_CLIENT_ID", "client_secret", "YOUR_CLIENT_SECRET", "code", Auth0Domain.code(callback),
                "redirect_uri", CALLBACK, "code_verifier", CODE_VERIFIER));
    }

    /** Entries of Keycloak's single-use store in this node's memory (Infinispan's statistic, on /metrics). */
    private static long entriesInMemory(KeycloakServer node) {
        String prefix = "vendor_statistics_approximate_entries_in_memory{cache=\"actionTokens\"";
        return Http.get(node.managementUrl() + "/metrics").body().lines()
                .filter(line -> line.startsWith(prefix))
                .map(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Keycloak publishes no " + prefix + "} metric"));
    }

    /** Production mode over HTTP on loopback, the shared database, Infinispan clustered on its own port. */
    private static List<String> nodeArguments(int clusterPort, boolean importsTheDemoRealm) {
        List<String> arguments = new java.util.ArrayList<>(List.of("start",
                "--db=postgres", "--db-url=" + System.getProperty("cluster.db.url"),
                "--db-username=" + System.getProperty("cluster.db.username"),
                "--db-password=" + System.getProperty("cluster.db.password"),
                "--cache=ispn", "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + clusterPort,
                "--http-enabled=true", "--hostname-strict=false"));
        if (importsTheDemoRealm) {
            arguments.add("--import-realm");
        }
        return arguments;
    }

    private static Path copy(Path dist, String node) throws IOException {
        Path home = dist.getParent().resolveSibling("cluster").resolve(node).resolve(dist.getFileName());
        if (!Files.exists(home.resolve("bin/kc.sh"))) {
            try (Stream<Path> files = Files.walk(dist)) {
                for (Path source : files.toList()) {
                    Path target = home.resolve(dist.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        return home;
    }

    /** Infinispan logs each new cluster view with its members. */
    private static void awaitClusterOfTwo(KeycloakServer node, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (node.log().lines().anyMatch(line -> line.contains("ISPN000094") && line.contains("(2)"))) {
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertFalse(true, "No cluster of two within " + timeout + ":\n" + node.log());
    }
}
