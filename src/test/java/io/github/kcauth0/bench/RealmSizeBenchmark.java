package io.github.kcauth0.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;

import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;

/**
 * Pushes naming an organization and an API of a large realm (10,000 organizations, 1,000 API client scopes):
 * Auth0's {@code organization} and {@code audience} at this extension's {@code /oauth/par} against the same
 * request as scopes ({@code openid {api} organization:{alias}}) at Keycloak's own PAR endpoint, in
 * {@link InterleavedRounds}. The realm is set up once; each request names an organization and an API at random.
 * Prints a report (also written to target/realm-size.md); it asserts nothing. Run by
 * {@code ./benchmark.sh realm-size}.
 */
public final class RealmSizeBenchmark {

    private static final String REALM = "realm-size";
    private static final Map<String, String> REQUEST = Http.form("client_id", "YOUR_CLIENT_ID",
            "client_secret", "YOUR_CLIENT_SECRET", "response_type", "code", "redirect_uri", "https://your-app.com/callback",
            "state", "xyzABC123", "code_challenge", CODE_CHALLENGE, "code_challenge_method", "S256");
    /** Organization {@code n}'s alias and name, as Java's and Lua's format patterns for its number. */
    private static final String ALIAS = "org_%05d";
    private static final String NAME = "Organization %05d";

    private final int organizations = Integer.getInteger("bench.realm.organizations", 10_000);
    private final int apis = Integer.getInteger("bench.realm.apis", 1_000);
    /**
     * The APIs the client may request: all of them would make Keycloak's own scope check, on both endpoints, walk
     * 1,000 optional scopes per request, which hides what the extension adds; an application calls a few APIs.
     */
    private final int clientApis = Math.min(apis, Integer.getInteger("bench.realm.client.apis", 20));
    private final int setupClients = Integer.getInteger("bench.realm.setup.clients", 4);
    private final KeycloakServer server;
    private final Admin admin;

    private RealmSizeBenchmark(KeycloakServer server) {
        this.server = server;
        this.admin = new Admin(server);
    }

    public static void main(String[] args) throws Exception {
        KeycloakServer server = ParBenchmark.startServer();
        try {
            String report = new RealmSizeBenchmark(server).run();
            System.out.println(report);
            Path out = Path.of("target", "realm-size.md");
            Files.writeString(out, report);
            System.out.println("Written to " + out.toAbsolutePath());
        } finally {
            server.stop();
        }
    }

    private String run() throws Exception {
        StringBuilder report = new StringBuilder("# Realm size: organization and audience in a large realm\n\n")
                .append(ParBenchmark.machine(server)).append('\n');
        report.append(setUp()).append('\n');
        checkPushes();
        String ours = server.domain(REALM) + "/oauth/par";
        String keycloaks = server.domain(REALM) + "/protocol/openid-connect/ext/par/request";
        report.append(InterleavedRounds.afterJitSettled(server).compare(
                new InterleavedRounds.Target(ours, script(auth0Forms())), "`/oauth/par` with `audience`, `organization`",
                new InterleavedRounds.Target(keycloaks, script(keycloakForms())), "Keycloak's PAR endpoint with `scope`"));
        return report.append("Target: throughput ratio ≥ 0.97.\n").toString();
    }

    /**
     * The realm with its API scopes in one import, then the organizations over the Admin REST API, timed by
     * tenths: creating one may cost more as the realm grows.
     */
    private String setUp() throws Exception {
        Instant start = Instant.now();
        createRealm();
        double realm = secondsSince(start);
        int tenth = organizations / 10;
        double first = createOrganizations(0, tenth);
        double middle = createOrganizations(tenth, organizations - tenth);
        double last = createOrganizations(organizations - tenth, organizations);
        return String.format(Locale.ROOT, "Set-up, once before the rounds: the realm with %d API client scopes (%d of them optional "
                        + "scopes of the client, the ones its pushes name) in one import, %.1f s; %d organizations (name, alias, no domain) "
                        + "by %d parallel admin clients, %.1f s: %.0f per second over the first tenth, %.0f over the last.%n",
                apis, clientApis, realm, organizations, setupClients, first + middle + last, tenth / first, tenth / last);
    }

    /** The demo realm with organizations on, events not saved, pending requests expiring in 10 s, and the APIs. */
    private void createRealm() throws IOException {
        ObjectNode realm = (ObjectNode) Http.JSON.readTree(Path.of(System.getProperty("demo.realm")).toFile());
        realm.put("realm", REALM).put("eventsEnabled", false).put("organizationsEnabled", true);
        ((ObjectNode) realm.get("attributes")).put("parRequestUriLifespan", "10");
        // the extension records no success event, as Keycloak's own PAR endpoint (the demo realm turns them on)
        ((ObjectNode) realm.get("attributes")).remove("auth0-par.success-events");
        ArrayNode scopes = (ArrayNode) realm.get("clientScopes");
        IntStream.range(0, apis).forEach(i -> scopes.add(apiScope(api(i))));
        ArrayNode optional = (ArrayNode) realm.get("clients").get(0).get("optionalClientScopes");
        clientApiNumbers().forEach(i -> optional.add(api(i)));
        admin.post("", realm);
    }

    /** An Auth0 API as this extension expects it: a client scope named after it, with an Audience mapper. */
    private static ObjectNode apiScope(String identifier) {
        ObjectNode scope = Http.JSON.createObjectNode().put("name", identifier).put("protocol", "openid-connect");
        scope.putObject("attributes").put("include.in.token.scope", "false").put("display.on.consent.screen", "false");
        scope.putArray("protocolMappers").addObject().put("name", "audience").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-audience-mapper").putObject("config")
                .put("included.custom.audience", identifier).put("access.token.claim", "true");
        return scope;
    }

    /** Creates organizations {@code from} to {@code to} (exclusive) in parallel; returns the seconds it took. */
    private double createOrganizations(int from, int to) throws Exception {
        Instant start = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(setupClients);
        try {
            List<Future<?>> created = new ArrayList<>();
            for (int i = from; i < to; i++) {
                ObjectNode organization = Http.JSON.createObjectNode().put("name", organizationName(i)).put("alias", organizationAlias(i));
                created.add(pool.submit(() -> admin.post("/" + REALM + "/organizations", organization)));
            }
            for (Future<?> organization : created) {
                organization.get();
            }
        } finally {
            pool.shutdown();
        }
        return secondsSince(start);
    }

    private static double secondsSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    /** A wrong set-up would measure fast 400s: the first and last organization and API must push. */
    private void checkPushes() {
        int last = organizations - 1;
        String lastApi = api(clientApiNumbers().max().orElseThrow());
        List<HttpResponse<String>> pushes = List.of(
                Http.postForm(server.domain(REALM) + "/oauth/par", with("audience", api(0), "organization", organizationAlias(0))),
                Http.postForm(server.domain(REALM) + "/oauth/par", with("audience", lastApi, "organization", organizationAlias(last))),
                Http.postForm(server.domain(REALM) + "/protocol/openid-connect/ext/par/request",
                        with("scope", "openid " + lastApi + " organization:" + organizationAlias(last))));
        for (HttpResponse<String> push : pushes) {
            if (push.statusCode() != 201) {
                throw new IllegalStateException("push answered " + push.statusCode() + ": " + push.body());
            }
        }
    }

    private static Map<String, String> with(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>(REQUEST);
        form.putAll(Http.form(namesAndValues));
        return form;
    }

    /**
     * string.format patterns of the forms wrk sends, filled with an API (URL-encoded) and an organization's number.
     * Auth0 applications name an organization by its name, which is Keycloak's alias (the extension does not look
     * up Keycloak's display names), or by an id.
     */
    private static List<String> auth0Forms() {
        return List.of(pattern(Http.encode(REQUEST)) + "&scope=openid&audience=%s&organization=" + ALIAS);
    }

    private static List<String> keycloakForms() {
        return List.of(pattern(Http.encode(REQUEST)) + "&scope=openid+%s+organization%%3A" + ALIAS);
    }

    /** Text for a Lua string.format pattern: URL-encoding's % escaped. */
    private static String pattern(String text) {
        return text.replace("%", "%%");
    }

    /** A wrk script that POSTs one of the forms, with an API of the client's and an organization of the realm at random. */
    private Path script(List<String> forms) throws IOException {
        Path script = Files.createTempFile("realm-size", ".lua");
        Files.writeString(script, String.format(Locale.ROOT, """
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
                local forms = {%s}
                local apis = {%s}
                function request()
                  local form = forms[math.random(#forms)]
                  return wrk.format(nil, nil, nil, string.format(form, apis[math.random(#apis)], math.random(%d) - 1))
                end
                """, quoted(forms.stream()), quoted(clientApiNumbers().mapToObj(i -> Http.urlEncode(api(i)))), organizations));
        return script;
    }

    private static String quoted(Stream<String> strings) {
        return strings.map(s -> '"' + s + '"').collect(Collectors.joining(", "));
    }

    /** The client's APIs, spread evenly over the realm's: a walk through the realm's scopes finds some early, some late. */
    private IntStream clientApiNumbers() {
        return IntStream.range(0, clientApis).map(i -> i * (apis / clientApis));
    }

    private static String api(int number) {
        return String.format(Locale.ROOT, "https://api-%04d.example.com", number);
    }

    private static String organizationAlias(int number) {
        return String.format(Locale.ROOT, ALIAS, number);
    }

    private static String organizationName(int number) {
        return String.format(Locale.ROOT, NAME, number);
    }
}
