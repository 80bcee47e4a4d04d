package io.github.kcauth0.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real Keycloak distribution with the freshly built jar in {@code providers/}, started once per test JVM
 * on free ports with a fresh database, and stopped when the JVM exits.
 */
public final class KeycloakServer {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /** The extension's log category for rejected requests, switched on in the test server. */
    public static final String REJECTIONS_LOG_CATEGORY = "io.github.kcauth0.rejected";

    private static KeycloakServer running;

    private final Path home;
    private final int httpPort;
    private final int httpsPort;
    private final int managementPort;
    private final Process process;

    private KeycloakServer(Path home, int httpPort, int httpsPort, int managementPort, Process process) {
        this.home = home;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.managementPort = managementPort;
        this.process = process;
    }

    /**
     * The server the integration tests share: {@code start-dev} from {@code keycloak.home}, on its dev database or,
     * given {@code -Dtest.db.url=} (./test-cluster.sh), on that PostgreSQL database.
     */
    public static synchronized KeycloakServer get() {
        if (running == null) {
            List<String> arguments = new ArrayList<>(List.of("start-dev", "--import-realm",
                    // Auth0 keeps up to 10 ext-* parameters; Keycloak keeps 5 parameters it does not know unless
                    // told otherwise, and 6 more count against that limit (the README's ext-* row says which).
                    "--spi-login-protocol--openid-connect--add-req-params-max-number=16",
                    // the admin console's extension tabs
                    "--features=declarative-ui",
                    // X-Forwarded-For names the source address of a request, as behind a proxy
                    "--proxy-headers=xforwarded",
                    "--log-level=INFO," + REJECTIONS_LOG_CATEGORY + ":debug"));
            arguments.addAll(postgresArguments());
            running = start(Path.of(System.getProperty("keycloak.home")), arguments);
            TestRealms.createParIt(new Admin(running));
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
        }
        return running;
    }

    private static List<String> postgresArguments() {
        String url = System.getProperty("test.db.url", "");
        return url.isEmpty() ? List.of() : List.of("--db=postgres", "--db-url=" + url,
                "--db-username=" + System.getProperty("test.db.username"), "--db-password=" + System.getProperty("test.db.password"));
    }

    /**
     * Starts {@code bin/kc.sh} of the distribution in {@code home} with these arguments, on free ports (HTTP,
     * and HTTPS with the {@link TestTls} certificate), with this build's jar as its only provider, the demo realm
     * ready for {@code --import-realm} and a fresh {@code data/} folder, and waits until it is ready.
     */
    public static KeycloakServer start(Path distribution, List<String> arguments) {
        Path home = distribution.toAbsolutePath();
        try {
            prepare(home);
            int[] ports = freePorts(3);
            int httpPort = ports[0];
            int httpsPort = ports[1];
            int managementPort = ports[2];
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString()));
            command.addAll(arguments);
            command.addAll(List.of("--http-port=" + httpPort, "--http-management-port=" + managementPort,
                    "--https-port=" + httpsPort, "--https-key-store-file=" + TestTls.keyStore(),
                    "--https-key-store-password=" + TestTls.keyStorePassword(),
                    "--health-enabled=true", "--metrics-enabled=true"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile(home).toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            KeycloakServer server = new KeycloakServer(home, httpPort, httpsPort, managementPort, builder.start());
            // A start first re-augments the distribution: on a busy machine, -Dkeycloak.ready.minutes= waits longer.
            server.awaitReady(Duration.ofMinutes(Long.getLong("keycloak.ready.minutes", 4)));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** The same server over HTTPS, with a certificate for {@code localhost} this JVM trusts ({@link TestTls}). */
    public String httpsBaseUrl() {
        return "https://localhost:" + httpsPort;
    }

    /** The management interface (health, metrics): over HTTPS, as Keycloak serves it once HTTPS is configured. */
    public String managementUrl() {
        return "https://localhost:" + managementPort;
    }

    /** Auth0's {@code https://{domain}} for a realm: the only thing an Auth0 application changes. */
    public String domain(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    /**
     * Auth0's domain for a realm over HTTPS, as Auth0's SDKs take it (without scheme):
     * {@code localhost:{httpsPort}/realms/{realm}}.
     */
    public String httpsDomain(String realm) {
        return "localhost:" + httpsPort + "/realms/" + realm;
    }

    /** The test certificate in PEM, for Node's {@code NODE_EXTRA_CA_CERTS}. */
    public Path certificatePem() {
        return TestTls.certificatePem();
    }

    /** The Keycloak release under test, chosen by {@code -Dkeycloak.version=}. */
    public String version() {
        return Objects.requireNonNull(System.getProperty("keycloak.version"), "system property keycloak.version");
    }

    /** Whether the Keycloak under test is older than {@code major.minor}: for behaviour that changed between releases. */
    public boolean isOlderThan(int major, int minor) {
        String[] parts = version().split("\\.");
        int actualMajor = Integer.parseInt(parts[0]);
        int actualMinor = Integer.parseInt(parts[1]);
        return actualMajor < major || actualMajor == major && actualMinor < minor;
    }

    public String log() {
        try {
            return Files.readString(logFile(home));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Heap in use after full collections, in bytes (benchmarks). */
    public long heapUsedAfterFullGc() throws IOException, InterruptedException {
        // twice: objects the first collection found unreachable through references are freed by the second
        jcmd("GC.run");
        jcmd("GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("No heap figure from jcmd");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** What {@code jcmd} prints for a diagnostic command run in the Keycloak JVM (benchmarks: heap, JIT). */
    public String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(120, TimeUnit.SECONDS);
        return output;
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A fresh dev database, this build's jar as the only provider besides the tests' store probe
     * ({@code probe/PushedRequestProbe}), and the realms to import.
     */
    private static void prepare(Path home) throws IOException {
        deleteRecursively(home.resolve("data"));
        Path providers = Files.createDirectories(home.resolve("providers"));
        try (Stream<Path> jars = Files.list(providers)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.delete(jar);
            }
        }
        for (String property : List.of("provider.jar", "probe.jar")) {
            Path jar = Path.of(System.getProperty(property));
            Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Path demoRealm = Path.of(System.getProperty("demo.realm"));
        Files.copy(demoRealm, imports.resolve(demoRealm.getFileName()));
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().sslContext(TestTls.trustInThisJvm()).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException("Keycloak was not ready within " + timeout + ":\n" + log());
    }

    private static Path logFile(Path home) {
        return home.resolveSibling("keycloak-test.log");
    }

    /** Distinct free ports: each socket is held open until all are chosen, or the system may give one twice. */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
