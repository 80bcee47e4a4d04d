package io.github.kcauth0.ops;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * The extension's Micrometer meters, in the global registry that Keycloak's {@code /metrics} (management
 * interface, {@code --metrics-enabled=true}) exports: requests by endpoint, realm and outcome ({@code success}
 * or the OAuth error code), and their latency.
 */
public final class EndpointMetrics {

    static final String REQUESTS = "auth0_par_requests";
    static final String DURATION = "auth0_par_request_duration";
    static final String SHED = "auth0_par_shed_requests";

    /** Meters by their tags: looking them up here costs less than registering them again on every request. */
    private static final Map<String, Counter> COUNTERS = new ConcurrentHashMap<>();
    private static final Map<String, Timer> TIMERS = new ConcurrentHashMap<>();

    private EndpointMetrics() {
    }

    /** A request refused with 429, by the rule that refused it. */
    static void recordShed(String endpoint, String realm, String reason) {
        COUNTERS.computeIfAbsent("shed\n" + endpoint + '\n' + realm + '\n' + reason, key -> Counter.builder(SHED)
                        .description("Requests refused with 429 by the Auth0-compatible endpoints, by reason")
                        .tags("endpoint", endpoint, "realm", realm, "reason", reason)
                        .register(Metrics.globalRegistry))
                .increment();
    }

    static void record(String endpoint, String realm, String outcome, Duration duration) {
        COUNTERS.computeIfAbsent(endpoint + '\n' + realm + '\n' + outcome, key -> Counter.builder(REQUESTS)
                        .description("Requests to the Auth0-compatible endpoints, by outcome")
                        .tags("endpoint", endpoint, "realm", realm, "outcome", outcome)
                        .register(Metrics.globalRegistry))
                .increment();
        TIMERS.computeIfAbsent(endpoint + '\n' + realm, key -> Timer.builder(DURATION)
                        .description("Time to answer a request to the Auth0-compatible endpoints")
                        .tags("endpoint", endpoint, "realm", realm)
                        .register(Metrics.globalRegistry))
                .record(duration);
    }
}
