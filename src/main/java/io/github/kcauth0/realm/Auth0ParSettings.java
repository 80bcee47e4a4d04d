package io.github.kcauth0.realm;

import org.keycloak.models.RealmModel;

/**
 * The per-realm settings of this extension, kept as realm attributes so that the Admin REST API, realm exports
 * and imports, and the admin console's "Auth0 PAR" tab agree. Read on every request: a change takes effect at
 * once, without a restart.
 */
public final class Auth0ParSettings {

    /** {@code true} serves the Auth0 endpoints in the realm; {@code false} or absent answers 404. */
    public static final String ENABLED = "auth0-par.enabled";
    /**
     * {@code false} keeps Keycloak's {@code .well-known/openid-configuration} unchanged in an enabled realm; by
     * default its {@code pushed_authorization_request_endpoint} is this extension's {@code /oauth/par}.
     */
    public static final String DISCOVERY = "auth0-par.discovery";
    /**
     * Pushed requests per client per second on each Keycloak node, counted when the client authenticated;
     * {@code 0} or absent: no limit.
     */
    public static final String RATE_LIMIT = "auth0-par.rate-limit";
    /**
     * Failed client authentications per source address per second on each node, at /oauth/par and /oauth/token;
     * an address over it is turned away with 429. {@code 0} or absent: no limit.
     */
    public static final String FAILED_AUTHENTICATION_LIMIT = "auth0-par.failed-authentication-limit";
    /**
     * Pushed requests the realm may have pending on each node (accepted, not yet expired); {@code 0} or absent:
     * only the node's cap applies.
     */
    public static final String MAX_PENDING_REQUESTS = "auth0-par.max-pending-requests";

    /**
     * {@code true} records every accepted push as a {@code PUSHED_AUTHORIZATION_REQUEST} event; absent or
     * {@code false}, as Keycloak's own PAR endpoint does, only rejected ones are recorded (each event costs every
     * event listener a call, on the busiest endpoint).
     */
    public static final String SUCCESS_EVENTS = "auth0-par.success-events";

    private Auth0ParSettings() {
    }

    public static boolean recordsSuccessEvents(RealmModel realm) {
        return Boolean.parseBoolean(realm.getAttribute(SUCCESS_EVENTS));
    }

    public static boolean isEnabled(RealmModel realm) {
        return realm != null && Boolean.parseBoolean(realm.getAttribute(ENABLED));
    }

    /** Whether the realm's discovery document leads to the Auth0 endpoints. */
    public static boolean discoveryListsAuth0Endpoints(RealmModel realm) {
        return isEnabled(realm) && parseDiscovery(realm.getAttribute(DISCOVERY));
    }

    /** Only {@code false} turns it off: realms that never set it get the Auth0 endpoints. */
    public static boolean parseDiscovery(String value) {
        return !"false".equalsIgnoreCase(value);
    }

    /** The rate limit, or 0 when there is none (also when the attribute is not a positive whole number). */
    public static int rateLimit(RealmModel realm) {
        return parseRateLimit(realm.getAttribute(RATE_LIMIT));
    }

    /** The limit on failed client authentications per address, or 0 when there is none. */
    public static int failedAuthenticationLimit(RealmModel realm) {
        return parseRateLimit(realm.getAttribute(FAILED_AUTHENTICATION_LIMIT));
    }

    /** The realm's cap on pending pushed requests per node, or 0 when only the node's applies. */
    public static int maxPendingRequests(RealmModel realm) {
        return parseRateLimit(realm.getAttribute(MAX_PENDING_REQUESTS));
    }

    /** @return the limit, 0 for none, -1 when the value is not a whole number from 0 up */
    public static int parseRateLimit(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(Integer.parseInt(value.trim()), -1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
