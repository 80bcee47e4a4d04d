package io.github.kcauth0.realm;

import org.keycloak.models.RealmModel;

/**
 * The per-realm settings of this extension, kept as realm attributes so that the Admin REST API, realm exports
 * and imports carry them. Read on every request: a change takes effect at once, without a restart.
 */
public final class Auth0ParSettings {

    /** {@code true} serves the Auth0 endpoints in the realm; {@code false} or absent answers 404. */
    public static final String ENABLED = "auth0-par.enabled";

    private Auth0ParSettings() {
    }

    public static boolean isEnabled(RealmModel realm) {
        return realm != null && Boolean.parseBoolean(realm.getAttribute(ENABLED));
    }
}
