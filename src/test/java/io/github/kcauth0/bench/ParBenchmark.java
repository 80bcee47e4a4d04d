package io.github.kcauth0.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;

import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;
import static io.github.kcauth0.support.TestRealms.CODE_VERIFIER;

/**
 * This extension's {@code /oauth/par} against Keycloak's own PAR endpoint, on one server, same realm, client
 * and request body: throughput and latency under wrk in interleaved rounds after a warm-up, whole logins per
 * second, and the heap a pending request holds. Prints a report (also written to target/benchmark.md); it
 * asserts nothing. Run by {@code ./benchmark.sh}.
 */
public final class ParBenchmark {

    private static final String REALM = "bench";
    private static final String CALLBACK = "https://your-app.com/callback";
    private static final Map<String, String> REQUEST = Http.form("client_id", "YOUR_CLIENT_ID",
            "client_secret", "YOUR_CLIENT_SECRET", "response_type", "code", "redirect_uri", CALLBACK,
            "scope", "openid profile email", "state", "xyzABC123",
            "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256");

    private final int pendingRequests = Integer.getInteger("bench.pending", 20000);
    private final Duration loginRound = Duration.ofSeconds(Long.getLong("bench.login.seconds", 10));
    /** Even, as for the pushed requests. */
    private final int loginRounds = Integer.getInteger("bench.login.rounds", 6);
    private final KeycloakServer server;
    private final Admin admin;
    private final Path luaScript;

    private ParBenchmark(KeycloakServer server) throws IOException {
        this.server = server;
        this.admin = new Admin(server);
        this.luaScript = Files.createTempFile("par", ".lua");
        Files.writeString(luaScript, "wrk.method = \"POST\"\n"
                + "wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n"
                + "wrk.body = \"" + Http.encode(REQUEST) + "\"\n");
    }

    public static void main(String[] args) throws Exception {
        KeycloakServer server = startServer();
        try {
            ParBenchmark benchmark = new ParBenchmark(server);
            benchmark.createRealm();
            String report = benchmark.run();
            System.out.println(report);
            Path out = Path.of("target", "benchmark.md");
            Files.writeString(out, report);
            System.out.println("Written to " + out.toAbsolutePath());
        } finally {
            server.stop();
        }
    }

    /** Production mode on the embedded H2 file database, as an administrator would measure it. */
    static KeycloakServer startServer() {
        return KeycloakServer.start(Path.of(System.getProperty("keycloak.home")), List.of("start", "--db=dev-file",
                "--http-enabled=true", "--hostname-strict=false", "--features=declarative-ui"));
    }

    /** The demo realm's client and settings; events are not saved, as in a realm Keycloak creates. */
    private void createRealm() throws IOException {
        ObjectNode realm = (ObjectNode) Http.JSON.readTree(Path.of(System.getProperty("demo.realm")).toFile());
        realm.put("realm", REALM).put("eventsEnabled", false);
        ((ObjectNode) realm.get("attributes")).put("parRequestUriLifespan", "10");
        // the extension records no success event, as Keycloak's own PAR endpoint (the demo realm turns them on)
        ((ObjectNode) realm.get("attributes")).remove("auth0-par.success-events");
        admin.post("", realm);
    }

    private String run() throws Exception {
        String ours = server.domain(REALM) + "/oauth/par";
        String keycloaks = server.domain(REALM) + "/protocol/openid-connect/ext/par/request";
        StringBuilder report = new StringBuilder();
        report.append("# PAR benchmark\n\n").append(machine(server)).append('\n');

        // A fresh server: first as users meet it after a deploy (10 s of warm-up per endpoint), then once the JIT settled.
        for (InterleavedRounds rounds : List.of(InterleavedRounds.afterShortWarmUp(server, Duration.ofSeconds(5)),
                InterleavedRounds.afterJitSettled(server))) {
            report.append(rounds.compare(new InterleavedRounds.Target(ours, luaScript), "`/realms/bench/oauth/par`",
                    new InterleavedRounds.Target(keycloaks, luaScript), "`/realms/bench/protocol/openid-connect/ext/par/request`"));
        }
        report.append("The first table is a fresh server after 10 s of warm-up per endpoint, the second the same server once "
                + "its JIT settled. Targets (issue 9): throughput ratio ≥ 1.00 and p99 ratio ≤ 1.00 in both; logins ≥ 0.97; "
                + "heap per pending request ≤ Keycloak's.\n\n");

        report.append(logins());
        admin.setRealmAttribute(REALM, "parRequestUriLifespan", "3600");
        report.append(String.format(Locale.ROOT, "## Heap retained per pending request (%d pushed, not used; after full GC)%n%n", pendingRequests));
        report.append("| Endpoint | bytes per pending request |\n|---|---|\n");
        report.append(String.format(Locale.ROOT, "| extension | %.0f |%n", heapPerPendingRequest(ours)));
        report.append(String.format(Locale.ROOT, "| Keycloak | %.0f |%n", heapPerPendingRequest(keycloaks)));
        return report.toString();
    }

    /**
     * Whole logins through each endpoint family, after a warm-up of each, in interleaved rounds as for the pushed
     * requests, Keycloak's family measured twice in each round (the A/A).
     */
    private String logins() throws Exception {
        Function<Browser, Boolean> extension = this::extensionLogin;
        Function<Browser, Boolean> keycloak = this::keycloakLogin;
        logins(extension, loginRound);
        logins(keycloak, loginRound);
        List<List<Double>> results = InterleavedRounds.inRounds(List.of(extension, keycloak, keycloak), loginRounds,
                login -> logins(login, loginRound));
        double e = average(results.get(0));
        double k = average(results.get(1));
        double again = average(results.get(2));
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "## Whole logins (PAR → authorize → login form → token), 4 threads, %d rounds of %d s each after %d s of warm-up each%n%n"
                        + "Each round: extension, Keycloak, Keycloak again (the A/A); every second round in reverse order.%n%n",
                loginRounds, loginRound.toSeconds(), loginRound.toSeconds()));
        report.append("| Flow | logins/s |\n|---|---|\n")
                .append(String.format(Locale.ROOT, "| extension: `/oauth/par` → `/authorize` → `/oauth/token` | %.1f |%n", e))
                .append(String.format(Locale.ROOT, "| Keycloak: its PAR → `/protocol/openid-connect/auth` → its token endpoint | %.1f |%n", k))
                .append(String.format(Locale.ROOT, "| Keycloak again (A/A) | %.1f |%n%n", again))
                .append("| Ratio | extension / Keycloak | A/A: Keycloak again / Keycloak | per round, extension | per round, A/A |\n|---|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| logins | **%.3f** | %.3f | %s | %s |%n%n", e / k, again / k,
                        InterleavedRounds.range(results.get(0), results.get(1), Double::doubleValue),
                        InterleavedRounds.range(results.get(2), results.get(1), Double::doubleValue)));
        return report.toString();
    }

    private static double average(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private double logins(Function<Browser, Boolean> login, Duration duration) throws Exception {
        int threads = 4;
        Instant end = Instant.now().plus(duration);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> counts = new ArrayList<>();
        Instant start = Instant.now();
        for (int i = 0; i < threads; i++) {
            counts.add(pool.submit(() -> {
                int done = 0;
                while (Instant.now().isBefore(end)) {
                    if (login.apply(new Browser(server))) {
                        done++;
                    }
                }
                return done;
            }));
        }
        int total = 0;
        for (Future<Integer> count : counts) {
            total += count.get();
        }
        pool.shutdown();
        return total / (Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    private boolean extensionLogin(Browser browser) {
        Auth0Domain domain = new Auth0Domain(server, REALM);
        URI callback = browser.login(domain.authorizeUrl("YOUR_CLIENT_ID", domain.requestUri(REQUEST)), "demo", "demo");
        return redeemed(domain.tokenUrl(), callback);
    }

    private boolean keycloakLogin(Browser browser) {
        Auth0Domain domain = new Auth0Domain(server, REALM);
        HttpResponse<String> pushed = Http.postForm(server.domain(REALM) + "/protocol/openid-connect/ext/par/request", REQUEST);
        String requestUri = Http.json(pushed).get("request_uri").asText();
        URI callback = browser.login(domain.authorizationUrl("YOUR_CLIENT_ID", requestUri), "demo", "demo");
        return redeemed(domain.keycloakTokenUrl(), callback);
    }

    private static boolean redeemed(String tokenUrl, URI callback) {
        return Http.postForm(tokenUrl, Http.form("grant_type", "authorization_code", "client_id", "YOUR_CLIENT_ID",
                "client_secret", "YOUR_CLIENT_SECRET", "code", Auth0Domain.code(callback), "redirect_uri", CALLBACK,
                "code_verifier", CODE_VERIFIER)).statusCode() == 200;
    }

    /** Heap used after a full GC, before and after pushing requests that stay pending. */
    private double heapPerPendingRequest(String url) throws Exception {
        long before = server.heapUsedAfterFullGc();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < pendingRequests; i++) {
            statuses.add(pool.submit(() -> Http.postForm(url, REQUEST).statusCode()));
        }
        for (Future<Integer> status : statuses) {
            if (status.get() != 201) {
                throw new IllegalStateException("push failed: " + status.get());
            }
        }
        pool.shutdown();
        return (server.heapUsedAfterFullGc() - before) / (double) pendingRequests;
    }

    static String machine(KeycloakServer server) throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst().map(line -> line.split(":", 2)[1].trim()).orElse("?");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        return String.format(Locale.ROOT, "Machine: %d cores (%s), %s; Java %s (%s); Keycloak %s (`kc.sh start`, dev-file database, JAVA_OPTS_KC_HEAP=\"%s\"); "
                        + "load generator wrk on the same machine; %s.%n",
                Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), server.version(), System.getenv().getOrDefault("JAVA_OPTS_KC_HEAP", "Keycloak's default"),
                Instant.now());
    }
}
