package io.github.kcauth0.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;

import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;

/**
 * Valid pushes that nobody redeems, for many PAR lifespans: first at a steady rate well under the node's cap, then
 * at wrk's full speed, against this extension's {@code /oauth/par} and Keycloak's own PAR endpoint, in dev mode
 * ({@code start-dev}, local caches) and production mode ({@code kc.sh start}, dev-file database, Keycloak's
 * clustered caches), each on a fresh server with Keycloak's default heap. After each slice: the accepted rate, p99,
 * the heap after full collections and how many entries Keycloak's single-use store holds in memory, expired ones
 * included (the tests' probe). Writes target/soak.md, target/soak.csv and the heap per slice as a picture.
 * Bounded in time, on loopback; it asserts nothing. Run by {@code ./benchmark.sh soak}.
 */
public final class SoakBenchmark {

    private static final String REALM = "soak";
    private static final String CALLBACK = "https://your-app.com/callback";
    private static final Map<String, String> PUSH = Http.form("client_id", "YOUR_CLIENT_ID",
            "client_secret", "YOUR_CLIENT_SECRET", "response_type", "code", "redirect_uri", CALLBACK,
            "scope", "openid", "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256");
    /** Counts 201, 429 and other statuses over wrk's threads; a delay between requests on a connection sets a rate. */
    private static final String SCRIPT = """
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
            wrk.body = "%s"
            local threads = {}
            function setup(thread) table.insert(threads, thread) end
            function init(args) accepted = 0; refused = 0; other = 0 end
            %s
            function response(status, headers, body)
              if status == 201 then accepted = accepted + 1
              elseif status == 429 then refused = refused + 1
              else other = other + 1 end
            end
            function done(summary, latency, requests)
              local a, r, o = 0, 0, 0
              for _, t in ipairs(threads) do a = a + t:get("accepted"); r = r + t:get("refused"); o = o + t:get("other") end
              io.write(string.format("SOAK accepted=%%d refused=%%d other=%%d p99us=%%d\\n", a, r, o, latency:percentile(99)))
            end
            """;

    enum Load { STEADY, FULL }

    private final int lifespanSeconds = Integer.getInteger("bench.soak.lifespan.seconds", 5);
    private final Duration slice = Duration.ofSeconds(Long.getLong("bench.soak.slice.seconds", 20));
    private final int slices = Integer.getInteger("bench.soak.slices", 5);
    /** Steady load: this many connections, each waiting this long after an answer: at most c × 1000 / delay per second. */
    private final int steadyConnections = Integer.getInteger("bench.soak.steady.connections", 4);
    private final int steadyDelayMillis = Integer.getInteger("bench.soak.steady.delay.ms", 10);
    private final int connections = Integer.getInteger("bench.connections", 16);
    private final List<String> modes = List.of(System.getProperty("bench.soak.modes", "dev,prod").split(","));
    private final List<String> endpoints = List.of(System.getProperty("bench.soak.endpoints", "extension,keycloak").split(","));
    /** Added to every server's arguments, e.g. the extension's pass turned off to measure without it. */
    private final List<String> serverArguments = Arrays.stream(System.getProperty("bench.soak.server.args", "").split(" "))
            .filter(argument -> !argument.isBlank()).toList();
    private final String label = System.getProperty("bench.soak.label", "this build");

    public static void main(String[] args) throws Exception {
        SoakBenchmark benchmark = new SoakBenchmark();
        Instant start = Instant.now();
        StringBuilder report = new StringBuilder("# Soak: valid pushes nobody redeems, for many lifespans\n\n");
        report.append(String.format(Locale.ROOT, "%s. PAR lifespan %d s; slices of %d s, %d at a steady rate (wrk -t1 -c%d, "
                        + "%d ms between requests on a connection) then %d at full speed (wrk -t2 -c%d): %d lifespans a load; "
                        + "each endpoint and mode on a fresh server with Keycloak's default heap (JAVA_OPTS_KC_HEAP=\"%s\")%s; "
                        + "%d cores; %s.%n%n",
                benchmark.label, benchmark.lifespanSeconds, benchmark.slice.toSeconds(), benchmark.slices,
                benchmark.steadyConnections, benchmark.steadyDelayMillis, benchmark.slices, benchmark.connections,
                benchmark.slices * benchmark.slice.toSeconds() / benchmark.lifespanSeconds,
                System.getenv().getOrDefault("JAVA_OPTS_KC_HEAP", "unset: -Xms64m -Xmx512m"),
                benchmark.serverArguments.isEmpty() ? "" : "; server arguments " + String.join(" ", benchmark.serverArguments),
                Runtime.getRuntime().availableProcessors(), start));
        report.append("| Mode (cache) | Endpoint | load | slice | accepted/s | refused/s | other | p99 ms | heap after full GC, MB | store entries in memory |\n");
        report.append("|---|---|---|---|---|---|---|---|---|---|\n");
        List<SoakChart.Point> points = new ArrayList<>();
        StringBuilder verdicts = new StringBuilder("\nFull speed, target last slice ≤ 1.2 × first + 20 MB (heap after full GC):\n");
        for (String mode : benchmark.modes) {
            for (String endpoint : benchmark.endpoints) {
                benchmark.soak(mode, "extension".equals(endpoint), report, points, verdicts);
            }
        }
        report.append(verdicts);
        report.append(String.format(Locale.ROOT, "%nTook %d min.%n", Duration.between(start, Instant.now()).toMinutes()));
        System.out.println(report);
        Path out = Path.of("target", "soak.md");
        Files.writeString(out, report);
        Path csv = Path.of("target", "soak.csv");
        SoakChart.writeCsv(csv, points);
        Path png = Path.of(System.getProperty("bench.soak.png", "docs/soak-heap.png"));
        String before = System.getProperty("bench.soak.before", "");
        SoakChart.draw(png, points, before.isEmpty() ? List.of() : SoakChart.readCsv(Path.of(before)), benchmark.slices);
        System.out.println("Written to " + out.toAbsolutePath() + ", " + csv.toAbsolutePath() + " and " + png.toAbsolutePath());
    }

    private void soak(String mode, boolean extension, StringBuilder report, List<SoakChart.Point> points,
            StringBuilder verdicts) throws Exception {
        List<String> arguments = new ArrayList<>(switch (mode) {
            case "dev" -> List.of("start-dev");
            case "prod" -> List.of("start", "--db=dev-file", "--http-enabled=true", "--hostname-strict=false");
            case "prod-local" -> List.of("start", "--db=dev-file", "--http-enabled=true", "--hostname-strict=false", "--cache=local");
            default -> throw new IllegalArgumentException("bench.soak.modes: dev, prod or prod-local, not " + mode);
        });
        arguments.addAll(serverArguments);
        KeycloakServer server = KeycloakServer.start(Path.of(System.getProperty("keycloak.home")), arguments);
        try {
            createRealm(new Admin(server));
            JsonNode store = Http.json(Http.get(server.domain(REALM) + "/test-pushed-request/memory"));
            String modeName = String.format(Locale.ROOT, "%s (%s, reaper %d s)", mode, store.get("cacheMode").asText(),
                    store.get("reaperIntervalMillis").asLong() / 1000);
            String endpoint = extension ? "extension" : "Keycloak";
            String url = extension ? server.domain(REALM) + "/oauth/par"
                    : server.domain(REALM) + "/protocol/openid-connect/ext/par/request";
            long firstFull = 0;
            long lastFull = 0;
            for (Load load : Load.values()) {
                Path script = Files.createTempFile("soak", ".lua");
                Files.writeString(script, String.format(Locale.ROOT, SCRIPT, Http.encode(PUSH),
                        load == Load.STEADY ? "function delay() return " + steadyDelayMillis + " end" : ""));
                for (int number = 1; number <= slices; number++) {
                    Matcher result = wrk(url, script, load);
                    long heap = server.heapUsedAfterFullGc() / (1024 * 1024);
                    long entries = Http.json(Http.get(server.domain(REALM) + "/test-pushed-request/memory")).get("entries").asLong();
                    double accepted = Long.parseLong(result.group(1)) / (double) slice.toSeconds();
                    double p99 = Long.parseLong(result.group(4)) / 1000.0;
                    report.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.0f | %.0f | %s | %.0f | %d | %d |%n",
                            modeName, endpoint, load.name().toLowerCase(Locale.ROOT), number, accepted,
                            Long.parseLong(result.group(2)) / (double) slice.toSeconds(), result.group(3), p99, heap, entries));
                    System.out.printf(Locale.ROOT, "%s %s %s slice %d: %.0f/s, p99 %.0f ms, heap %d MB, %d entries%n",
                            mode, endpoint, load, number, accepted, p99, heap, entries);
                    points.add(new SoakChart.Point(label, mode, endpoint, load.ordinal() * slices + number, accepted, p99, heap, entries));
                    // so far, in case the run is cut short
                    Files.writeString(Path.of("target", "soak.md"), report);
                    SoakChart.writeCsv(Path.of("target", "soak.csv"), points);
                    if (load == Load.FULL) {
                        firstFull = number == 1 ? heap : firstFull;
                        lastFull = heap;
                    }
                }
                Files.delete(script);
            }
            verdicts.append(String.format(Locale.ROOT, "- %s, %s: %d → %d MB, %s%n", modeName, endpoint, firstFull, lastFull,
                    lastFull <= 1.2 * firstFull + 20 ? "within" : "over"));
        } finally {
            server.stop();
        }
    }

    /** The demo realm with a short PAR lifespan, no events and no success events. */
    private void createRealm(Admin admin) throws IOException {
        ObjectNode realm = (ObjectNode) Http.JSON.readTree(Path.of(System.getProperty("demo.realm")).toFile());
        realm.put("realm", REALM).put("eventsEnabled", false);
        ((ObjectNode) realm.get("attributes")).put("parRequestUriLifespan", String.valueOf(lifespanSeconds))
                .remove("auth0-par.success-events");
        admin.post("", realm);
    }

    private Matcher wrk(String url, Path script, Load load) throws IOException, InterruptedException {
        List<String> command = load == Load.STEADY
                ? List.of("wrk", "-t1", "-c" + steadyConnections, "-d" + slice.toSeconds() + "s", "-s", script.toString(), url)
                : List.of("wrk", "-t2", "-c" + connections, "-d" + slice.toSeconds() + "s", "-s", script.toString(), url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor(slice.toSeconds() + 60, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("SOAK accepted=(\\d+) refused=(\\d+) other=(\\d+) p99us=(\\d+)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no counts:\n" + output);
        }
        return m;
    }
}
