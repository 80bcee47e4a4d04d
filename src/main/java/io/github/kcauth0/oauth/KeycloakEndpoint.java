package io.github.kcauth0.oauth;

import java.util.function.Supplier;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;

/**
 * Runs one of Keycloak's own endpoints within this request, given the Keycloak parameters an Auth0 request maps
 * to: the endpoint and its client authenticators read them as the request's form, and its rejections come back
 * as {@link OAuthError}s in Auth0's form.
 */
public final class KeycloakEndpoint {

    private KeycloakEndpoint() {
    }

    /**
     * @param endpoint creates and runs the endpoint; it is created after the form is in place, as Keycloak's
     *                 endpoints read the request when they are created
     * @return the entity of the endpoint's answer
     */
    public static <T> T call(KeycloakSession session, MultivaluedMap<String, String> keycloakForm,
                             Supplier<Response> endpoint, Class<T> answerType) {
        return call(session, keycloakForm, null, endpoint, answerType);
    }

    /** @param authorization the {@code Authorization} header the endpoint reads instead of the request's, if not null */
    public static <T> T call(KeycloakSession session, MultivaluedMap<String, String> keycloakForm, String authorization,
                             Supplier<Response> endpoint, Class<T> answerType) {
        KeycloakContext context = session.getContext();
        context.setHttpRequest(new ReplacedFormHttpRequest(context.getHttpRequest(), keycloakForm, authorization));
        try {
            return answerType.cast(endpoint.get().getEntity());
        } catch (WebApplicationException rejected) {
            throw KeycloakErrors.asAuth0(rejected.getResponse(), context.getClient() != null);
        }
    }
}
