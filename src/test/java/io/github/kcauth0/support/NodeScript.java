package io.github.kcauth0.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Node script of {@code src/test/node} (Auth0's Node SDKs, installed there by {@code npm ci}), run with the
 * test certificate trusted. It takes its configuration as JSON in its first argument and talks in JSON lines:
 * it writes to stdout, the test answers on its stdin; a line {@code {"error": …}} is a failure.
 */
public final class NodeScript implements AutoCloseable {

    private static final Path DIRECTORY = Path.of("src", "test", "node").toAbsolutePath();
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private final String script;
    private final Process process;
    private final BufferedReader stdout;
    private final Writer stdin;
    private final Path stderr;

    private NodeScript(String script, Process process, Path stderr) {
        this.script = script;
        this.process = process;
        this.stderr = stderr;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    public static NodeScript start(KeycloakServer server, String script, Object config) {
        if (!Files.isDirectory(DIRECTORY.resolve("node_modules"))) {
            throw new IllegalStateException("Auth0's Node SDKs are not installed: run ./test.sh, or npm ci in " + DIRECTORY);
        }
        try {
            Path logs = Files.createDirectories(Path.of("target", "node-logs"));
            Path stderr = Files.createTempFile(logs, script.replace(".mjs", "-"), ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of("node", script, Http.JSON.writeValueAsString(config)))
                    .directory(DIRECTORY.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().put("NODE_EXTRA_CA_CERTS", server.certificatePem().toString());
            return new NodeScript(script, builder.start(), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script's next line, which must have the field {@code name}; its value. */
    public JsonNode read(String name) {
        JsonNode message = readLine();
        if (!message.has(name)) {
            throw failure("expected \"" + name + "\", got " + message);
        }
        return message.get(name);
    }

    /** The script's next line, which must be its last, after which it ends successfully. */
    public JsonNode result() {
        JsonNode message = readLine();
        awaitExit();
        return message;
    }

    public void write(String name, String value) {
        try {
            stdin.write(Http.JSON.createObjectNode().put(name, value) + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw failure("could not write to the script: " + e);
        }
    }

    private JsonNode readLine() {
        String line;
        try {
            line = CompletableFuture.supplyAsync(this::nextLine).get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw failure("no answer within " + STEP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw failure(e.getCause().toString());
        }
        if (line == null) {
            throw failure("the script ended without answering");
        }
        JsonNode message;
        try {
            message = Http.JSON.readTree(line);
        } catch (IOException e) {
            throw failure("not a JSON line: " + line);
        }
        if (message.has("error")) {
            throw failure(message.toPrettyString());
        }
        return message;
    }

    private String nextLine() {
        try {
            return stdout.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw failure("did not end within " + STEP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw failure("exit code " + process.exitValue());
        }
    }

    private AssertionError failure(String what) {
        String log;
        try {
            log = Files.readString(stderr);
        } catch (IOException e) {
            log = "(no stderr: " + e + ")";
        }
        return new AssertionError(script + ": " + what + (log.isBlank() ? "" : "\nstderr:\n" + log));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
