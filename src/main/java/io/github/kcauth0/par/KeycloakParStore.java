package io.github.kcauth0.par;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.par.endpoints.ParEndpoint;

/**
 * The entry Keycloak's PAR endpoint makes for a pushed request in Keycloak's single-use store: the whole pushed
 * form, under a key derived from the {@code request_uri}, kept for the request's lifespan on every node of a
 * cluster. Keycloak writes it when the request's transaction commits, so it is changed once that has happened
 * (in a transaction of its own), before the answer carrying the {@code request_uri} leaves.
 */
public final class KeycloakParStore {

    private static final Logger LOG = Logger.getLogger(KeycloakParStore.class);
    /** Keycloak 26.7 stores under {@code par:{id}}; 26.4 and 26.5 under the id alone. */
    private static final List<String> KEY_PREFIXES = List.of("par:", "");
    /**
     * Needed only to authenticate the push; Keycloak's authorization endpoint never reads them. A client secret is
     * never in the form: it reaches Keycloak as HTTP Basic ({@code ClientCredentials.secretAsBasic}).
     */
    private static final List<String> CREDENTIALS = List.of(OAuth2Constants.CLIENT_ASSERTION, OAuth2Constants.CLIENT_ASSERTION_TYPE);

    private KeycloakParStore() {
    }

    /** The pushed request stays, for the lifespan Keycloak gave it, without the client's credentials. */
    static void dropCredentials(KeycloakSession session, String requestUri, int lifespanSeconds, Map<String, ?> pushedForm) {
        if (CREDENTIALS.stream().noneMatch(pushedForm::containsKey)) {
            return;
        }
        afterCommit(session, requestUri, (store, key) -> {
            Map<String, String> stored = store.remove(key);
            if (stored != null) {
                Map<String, String> withoutCredentials = new HashMap<>(stored);
                CREDENTIALS.forEach(withoutCredentials::remove);
                store.put(key, lifespanSeconds, withoutCredentials);
            }
        });
    }

    /**
     * The entry Keycloak's authorization endpoint would use for this {@code request_uri}, read without consuming it.
     * Keycloak takes any {@code request_uri} that starts with its prefix, in any case, as a pushed one.
     */
    public static Optional<Map<String, String>> find(KeycloakSession session, String requestUri) {
        if (!requestUri.toLowerCase(Locale.ROOT).startsWith(ParEndpoint.REQUEST_URI_PREFIX)) {
            return Optional.empty();
        }
        String id = requestUri.substring(ParEndpoint.REQUEST_URI_PREFIX.length());
        SingleUseObjectProvider store = session.singleUseObjects();
        return KEY_PREFIXES.stream().map(prefix -> store.get(prefix + id)).filter(Objects::nonNull).findFirst();
    }

    /** Forgets a pushed request that is refused after Keycloak accepted it. */
    static void remove(KeycloakSession session, String requestUri) {
        afterCommit(session, requestUri, SingleUseObjectProvider::remove);
    }

    private static void afterCommit(KeycloakSession session, String requestUri, BiConsumer<SingleUseObjectProvider, String> change) {
        String id = requestUri.substring(ParEndpoint.REQUEST_URI_PREFIX.length());
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), own -> {
                    SingleUseObjectProvider store = own.singleUseObjects();
                    String key = KEY_PREFIXES.stream().map(prefix -> prefix + id).filter(store::contains).findFirst().orElse(null);
                    if (key == null) {
                        LOG.warnf("No stored pushed request for the request_uri just issued: this Keycloak stores them differently");
                        return;
                    }
                    change.accept(store, key);
                });
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }
}
