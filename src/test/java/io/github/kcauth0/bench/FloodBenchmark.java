package io.github.kcauth0.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;

import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;
import static io.github.kcauth0.support.TestRealms.CODE_VERIFIER;

/**
 * A flood of valid pushes from one client, in four slices, against this extension's {@code /oauth/par} and
 * against Keycloak's own PAR endpoint, each on a fresh server with Keycloak's default heap and PAR lifespan: what
 * each slice accepted and refused, its p99, its failures, the heap after it, and whether a login of another
 * client started during the flood completes. Bounded in time, on loopback; it reports and asserts nothing.
 * Run by {@code ./benchmark.sh flood}.
 */
public final class FloodBenchmark {

    private static final String REALM = "flood";
    private static final String CALLBACK = "https://your-app.com/callback";
    private static final Map<String, String> FLOOD = Http.form("client_id", "YOUR_CLIENT_ID",
            "client_secret", "YOUR_CLIENT_SECRET", "response_type", "code", "redirect_uri", CALLBACK,
            "scope", "openid", "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256");
    /** Counts 201, 429 and other statuses in each wrk thread, and prints them with the socket errors and p99. */
    private static final String COUNTING_SCRIPT = """
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
            wrk.body = "%s"
            local threads = {}
            function setup(thread) table.insert(threads, thread) end
            function init(args) accepted = 0; refused = 0; other = 0 end
            function response(status, headers, body)
              if status == 201 then accepted = accepted + 1
              elseif status == 429 then refused = refused + 1
              else other = other + 1 end
            end
            function done(summary, latency, requests)
              local a, r, o = 0, 0, 0
              for _, t in ipairs(threads) do a = a + t:get("accepted"); r = r + t:get("refused"); o = o + t:get("other") end
              local e = summary.errors
              io.write(string.format("FLOOD accepted=%%d refused=%%d other=%%d socket=%%d timeouts=%%d p99us=%%d\\n",
                a, r, o, e.connect + e.read + e.write, e.timeout, latency:percentile(99)))
            end
            """;

    private final Duration slice = Duration.ofSeconds(Long.getLong("bench.flood.slice.seconds", 50));
    /** Three as in the issue that asked for it, and one more: Keycloak's own endpoint needs it to run out of heap. */
    private final int slices = Integer.getInteger("bench.flood.slices", 4);
    private final int connections = Integer.getInteger("bench.connections", 16);

    public static void main(String[] args) throws Exception {
        FloodBenchmark benchmark = new FloodBenchmark();
        StringBuilder report = new StringBuilder("# Flood: valid pushes from one client, in slices\n\n");
        report.append(String.format(Locale.ROOT, "wrk -t2 -c%d, %d s a slice, each endpoint on a fresh `kc.sh start` (dev-file database) "
                        + "with Keycloak's default heap (JAVA_OPTS_KC_HEAP=\"%s\") and PAR lifespan (60 s); %s; %s.%n%n",
                benchmark.connections, benchmark.slice.toSeconds(), System.getenv().getOrDefault("JAVA_OPTS_KC_HEAP", "unset: -Xms64m -Xmx512m"),
                Runtime.getRuntime().availableProcessors() + " cores", Instant.now()));
        report.append("| Endpoint | slice | accepted/s | refused (429)/s | p99 ms | other statuses | socket errors | timeouts | heap held after (full GC), MB |\n");
        report.append("|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder logins = new StringBuilder();
        for (boolean extension : new boolean[] {true, false}) {
            benchmark.flood(extension, report, logins);
        }
        report.append('\n').append(logins);
        System.out.println(report);
        Path out = Path.of("target", "flood.md");
        Files.writeString(out, report);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    private void flood(boolean extension, StringBuilder report, StringBuilder logins) throws Exception {
        KeycloakServer server = KeycloakServer.start(Path.of(System.getProperty("keycloak.home")), List.of("start",
                "--db=dev-file", "--http-enabled=true", "--hostname-strict=false"));
        try {
            createRealm(new Admin(server));
            String name = extension ? "extension `/oauth/par`" : "Keycloak's PAR endpoint";
            String url = extension ? server.domain(REALM) + "/oauth/par"
                    : server.domain(REALM) + "/protocol/openid-connect/ext/par/request";
            Path script = Files.createTempFile("flood", ".lua");
            Files.writeString(script, String.format(Locale.ROOT, COUNTING_SCRIPT, Http.encode(FLOOD)));
            for (int number = 1; number <= slices; number++) {
                CompletableFuture<String> login = number == 2
                        ? CompletableFuture.supplyAsync(() -> login(server, extension)) : null;
                Matcher result = wrk(url, script);
                report.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %s | %s | %s | %d |%n", name, number,
                        Long.parseLong(result.group(1)) / (double) slice.toSeconds(),
                        Long.parseLong(result.group(2)) / (double) slice.toSeconds(),
                        Long.parseLong(result.group(6)) / 1000.0, result.group(3), result.group(4), result.group(5),
                        server.heapUsedAfterFullGc() / (1024 * 1024)));
                if (login != null) {
                    logins.append("- ").append(name).append(", a login of another client started during slice 2: ")
                            .append(login.get(10, TimeUnit.MINUTES)).append('\n');
                }
            }
        } finally {
            server.stop();
        }
    }

    /** The demo realm, and a second client that logs in while YOUR_CLIENT_ID floods. */
    private static void createRealm(Admin admin) throws IOException {
        ObjectNode realm = (ObjectNode) Http.JSON.readTree(Path.of(System.getProperty("demo.realm")).toFile());
        realm.put("realm", REALM).put("eventsEnabled", false);
        ((ObjectNode) realm.get("attributes")).remove("auth0-par.success-events");
        ArrayNode clients = (ArrayNode) realm.get("clients");
        clients.add(((ObjectNode) clients.get(0).deepCopy()).put("clientId", "login-app").put("name", "login-app"));
        admin.post("", realm);
    }

    private String login(KeycloakServer server, boolean extension) {
        Instant start = Instant.now();
        try {
            Auth0Domain domain = new Auth0Domain(server, REALM);
            Map<String, String> request = new java.util.LinkedHashMap<>(FLOOD);
            request.put("client_id", "login-app");
            String pushUrl = extension ? domain.url() : server.domain(REALM) + "/protocol/openid-connect/ext/par/request";
            var pushed = Http.postForm(pushUrl, request);
            if (pushed.statusCode() != 201) {
                return "push answered " + pushed.statusCode() + " after " + since(start);
            }
            String requestUri = Http.json(pushed).get("request_uri").asText();
            URI callback = new Browser(server).login(extension ? domain.authorizeUrl("login-app", requestUri)
                    : domain.authorizationUrl("login-app", requestUri), "demo", "demo");
            int redeemed = Http.postForm(extension ? domain.tokenUrl() : domain.keycloakTokenUrl(), Http.form(
                    "grant_type", "authorization_code", "client_id", "login-app", "client_secret", "YOUR_CLIENT_SECRET",
                    "code", Auth0Domain.code(callback), "redirect_uri", CALLBACK, "code_verifier", CODE_VERIFIER)).statusCode();
            return (redeemed == 200 ? "completed" : "token request answered " + redeemed) + " in " + since(start);
        } catch (RuntimeException | Error e) {
            return "failed after " + since(start) + ": " + e.getClass().getSimpleName();
        }
    }

    private static String since(Instant start) {
        return String.format(Locale.ROOT, "%.1f s", Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    private Matcher wrk(String url, Path script) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + slice.toSeconds() + "s",
                "-s", script.toString(), url).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor(slice.toSeconds() + 60, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("FLOOD accepted=(\\d+) refused=(\\d+) other=(\\d+) socket=(\\d+) timeouts=(\\d+) p99us=(\\d+)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no counts:\n" + output);
        }
        return m;
    }
}
