package io.github.kcauth0.par;

import java.util.function.Consumer;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.par.endpoints.ParEndpoint;

/**
 * Keycloak's own PAR endpoint, which authenticates the client before it reads the request, with one step added
 * between the two: the Auth0 request is checked and mapped only once the client is known, so that nothing of the
 * realm (its organizations, APIs) is looked up or told to a caller that has not authenticated.
 */
final class ClientFirstParEndpoint extends ParEndpoint {

    private final Consumer<ClientModel> onceAuthenticated;

    /** @param onceAuthenticated completes the form Keycloak then reads, or throws an {@code OAuthError} */
    ClientFirstParEndpoint(KeycloakSession session, EventBuilder event, Consumer<ClientModel> onceAuthenticated) {
        super(session, event);
        this.onceAuthenticated = onceAuthenticated;
    }

    @Override
    protected void authorizeClient() {
        super.authorizeClient();
        onceAuthenticated.accept(client);
    }
}
