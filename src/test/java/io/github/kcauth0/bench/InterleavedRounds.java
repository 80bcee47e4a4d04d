package io.github.kcauth0.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.kcauth0.support.KeycloakServer;

/**
 * wrk against this extension's endpoint and Keycloak's own on one server, after a warm-up, in interleaved rounds
 * that measure Keycloak's endpoint twice: the two Keycloak measurements are an A/A comparison, the noise to read
 * the extension's ratio against. Shared by the benchmarks that compare with Keycloak ({@link ParBenchmark},
 * {@link RealmSizeBenchmark}).
 * <p>
 * On two cores the JIT compiles for minutes: with Keycloak's endpoints, Hibernate and Infinispan to compile, one
 * compiler thread was still busy all the time three minutes into the load, and whichever endpoint a round met it
 * with lost. So the long warm-up goes on in turns until the JIT is quiet, and the report says how much it compiled
 * during the rounds.
 */
final class InterleavedRounds {

    /** What wrk loads: a URL and the Lua script that makes the requests. */
    record Target(String url, Path script) { }

    /** The JIT counts as settled once it compiled for less than this share of a warm-up turn's time. */
    private static final double SETTLED_JIT_SHARE = 0.05;

    private final KeycloakServer server;
    /** Each endpoint's part of one warm-up turn. */
    private final Duration warmUp;
    /** Whether warm-up turns go on until the JIT settles, or stop after two. */
    private final boolean untilJitSettles;
    private final Duration maxWarmUp = Duration.ofSeconds(Long.getLong("bench.warmup.max.seconds", 900));
    private final Duration round = Duration.ofSeconds(Long.getLong("bench.round.seconds", 10));
    /** Even, so that with every second round reversed each endpoint runs first as often as last. */
    private final int rounds = Integer.getInteger("bench.rounds", 8);
    private final int connections = Integer.getInteger("bench.connections", 16);

    private InterleavedRounds(KeycloakServer server, Duration warmUp, boolean untilJitSettles) {
        this.server = server;
        this.warmUp = warmUp;
        this.untilJitSettles = untilJitSettles;
    }

    /** Two warm-up turns of {@code perEndpoint} each: a server as users meet it just after a deploy. */
    static InterleavedRounds afterShortWarmUp(KeycloakServer server, Duration perEndpoint) {
        return new InterleavedRounds(server, perEndpoint, false);
    }

    /**
     * Warm-up turns of {@code bench.warmup.seconds} (30 s) per endpoint, at least two, until the JIT compiled for
     * less than 5 % of a turn (at most {@code bench.warmup.max.seconds}, 900 s): the server in its steady state.
     */
    static InterleavedRounds afterJitSettled(KeycloakServer server) {
        return new InterleavedRounds(server, Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 30)), true);
    }

    /**
     * The report's section: the warm-up, the table, the extension / Keycloak ratios of throughput and p99 with the
     * A/A ratios beside them, and the rounds.
     */
    String compare(Target extension, String extensionName, Target keycloak, String keycloakName) throws Exception {
        List<Target> targets = List.of(extension, keycloak, keycloak);
        String warmedUp = warmUp(targets);
        double jitBefore = jitSeconds();
        List<List<WrkResult>> results = inRounds(targets, rounds, target -> wrk(target, round));
        double jitDuringRounds = jitSeconds() - jitBefore;
        WrkResult e = WrkResult.combine(results.get(0));
        WrkResult k = WrkResult.combine(results.get(1));
        WrkResult again = WrkResult.combine(results.get(2));
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "## Pushed requests (wrk, %d connections, %d rounds of %d s each)%n%n"
                        + "Warm-up: %s. During the rounds' %d s the JIT compiled for %.1f s.%n%n"
                        + "Each round: extension, Keycloak, Keycloak again (the A/A); every second round in reverse order.%n%n",
                connections, rounds, round.toSeconds(), warmedUp, rounds * targets.size() * round.toSeconds(), jitDuringRounds));
        report.append("| Endpoint | requests/s | p50 ms | p99 ms | non-2xx |\n|---|---|---|---|---|\n")
                .append(e.row(extensionName + " (this extension)"))
                .append(k.row(keycloakName + " (Keycloak)"))
                .append(again.row(keycloakName + " (Keycloak again, A/A)"));
        report.append("\n| Ratio | extension / Keycloak | A/A: Keycloak again / Keycloak | per round, extension | per round, A/A |\n|---|---|---|---|---|\n")
                .append(ratioRow("throughput", results, WrkResult::requestsPerSecond, e.requestsPerSecond / k.requestsPerSecond,
                        again.requestsPerSecond / k.requestsPerSecond))
                .append(ratioRow("p99", results, WrkResult::p99Millis, e.p99Millis / k.p99Millis, again.p99Millis / k.p99Millis));
        report.append("\nPer round requests/s (extension, Keycloak, Keycloak again): ");
        for (int i = 0; i < rounds; i++) {
            report.append(String.format(Locale.ROOT, "(%.0f, %.0f, %.0f) ", results.get(0).get(i).requestsPerSecond,
                    results.get(1).get(i).requestsPerSecond, results.get(2).get(i).requestsPerSecond));
        }
        return report.append("\n\n").toString();
    }

    /** Warms each endpoint up in turns; says what it did. */
    private String warmUp(List<Target> targets) throws Exception {
        Collection<Target> endpoints = new LinkedHashSet<>(targets);
        Duration turn = warmUp.multipliedBy(endpoints.size());
        Instant start = Instant.now();
        int turns = 0;
        double jit = jitSeconds();
        double jitInTurn;
        boolean settled;
        do {
            for (Target endpoint : endpoints) {
                wrk(endpoint, warmUp);
            }
            turns++;
            double jitNow = jitSeconds();
            jitInTurn = jitNow - jit;
            jit = jitNow;
            settled = jitInTurn < SETTLED_JIT_SHARE * turn.toSeconds();
        } while (turns < 2 || untilJitSettles && !settled && Duration.between(start, Instant.now()).compareTo(maxWarmUp) < 0);
        String warmedUp = String.format(Locale.ROOT, "%d turns of %d s per endpoint; the JIT compiled for %.1f s in the last turn of %d s",
                turns, warmUp.toSeconds(), jitInTurn, turn.toSeconds());
        if (!untilJitSettles) {
            return warmedUp;
        }
        String share = String.format(Locale.ROOT, "%.0f %%", SETTLED_JIT_SHARE * 100);
        return warmedUp + (settled ? ", under " + share + ", so it counted as settled" : ", still over " + share + " when the warm-up's time ran out");
    }

    /** The time the Keycloak JVM's JIT compilers have spent so far, added up over its compiler threads. */
    private double jitSeconds() throws IOException, InterruptedException {
        String counters = server.jcmd("PerfCounter.print");
        return counter(counters, "java.ci.totalTime") / counter(counters, "sun.os.hrt.frequency");
    }

    private static double counter(String counters, String name) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "=(\\d+)$", Pattern.MULTILINE).matcher(counters);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in jcmd PerfCounter.print:\n" + counters);
        }
        return Double.parseDouble(m.group(1));
    }

    /** One measurement of a target. */
    interface Measure<T, R> {
        R of(T target) throws Exception;
    }

    /**
     * Per target, its results of the given number of rounds, each round measuring every target in turn: ABC, then
     * CBA, so that drift during the run, and the place in a round, weigh on all alike.
     */
    static <T, R> List<List<R>> inRounds(List<T> targets, int rounds, Measure<T, R> measure) throws Exception {
        List<List<R>> results = new ArrayList<>();
        targets.forEach(target -> results.add(new ArrayList<>()));
        for (int i = 0; i < rounds; i++) {
            for (int j = 0; j < targets.size(); j++) {
                int index = i % 2 == 0 ? j : targets.size() - 1 - j;
                results.get(index).add(measure.of(targets.get(index)));
            }
        }
        return results;
    }

    private String ratioRow(String name, List<List<WrkResult>> results, ToDoubleFunction<WrkResult> figure,
            double ratio, double aa) {
        return String.format(Locale.ROOT, "| %s | **%.3f** | %.3f | %s | %s |%n", name, ratio, aa,
                range(results.get(0), results.get(1), figure), range(results.get(2), results.get(1), figure));
    }

    /** The lowest and highest ratio of single rounds: how far one round strays. */
    static <R> String range(List<R> of, List<R> to, ToDoubleFunction<R> figure) {
        double[] ratios = new double[of.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = figure.applyAsDouble(of.get(i)) / figure.applyAsDouble(to.get(i));
        }
        Arrays.sort(ratios);
        return String.format(Locale.ROOT, "%.2f – %.2f", ratios[0], ratios[ratios.length - 1]);
    }

    private WrkResult wrk(Target target, Duration duration) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", "-s", target.script().toString(), target.url()).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return WrkResult.parse(output);
    }

    /** What wrk printed for one run. */
    record WrkResult(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long non2xx) {

        static WrkResult parse(String output) {
            return new WrkResult(number(output, "Requests/sec:\\s+([\\d.]+)"),
                    millis(output, "50%"), millis(output, "99%"),
                    (long) number(output, "(\\d+) requests in"),
                    (long) numberOrZero(output, "Non-2xx or 3xx responses: (\\d+)"));
        }

        /** Throughput over all rounds; latency percentiles as the median of the rounds'. */
        static WrkResult combine(List<WrkResult> rounds) {
            return new WrkResult(rounds.stream().mapToDouble(WrkResult::requestsPerSecond).average().orElse(0),
                    median(rounds.stream().mapToDouble(WrkResult::p50Millis).toArray()),
                    median(rounds.stream().mapToDouble(WrkResult::p99Millis).toArray()),
                    rounds.stream().mapToLong(WrkResult::requests).sum(),
                    rounds.stream().mapToLong(WrkResult::non2xx).sum());
        }

        String row(String name) {
            return String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %d of %d |%n", name, requestsPerSecond, p50Millis, p99Millis, non2xx, requests);
        }

        private static double median(double[] values) {
            Arrays.sort(values);
            return values[values.length / 2];
        }

        private static double millis(String output, String percentile) {
            Matcher m = Pattern.compile(Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)").matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("No " + percentile + " in wrk output:\n" + output);
            }
            double value = Double.parseDouble(m.group(1));
            return switch (m.group(2)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            };
        }

        private static double number(String output, String regex) {
            Matcher m = Pattern.compile(regex).matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("No match for " + regex + " in wrk output:\n" + output);
            }
            return Double.parseDouble(m.group(1));
        }

        private static double numberOrZero(String output, String regex) {
            Matcher m = Pattern.compile(regex).matcher(output);
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
        }
    }
}
