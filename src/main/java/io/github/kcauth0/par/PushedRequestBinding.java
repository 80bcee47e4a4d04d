package io.github.kcauth0.par;

import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.JsonWebToken;

import static org.keycloak.OAuth2Constants.CLIENT_ID;

/**
 * Binds a pushed request to the realm and the client that pushed it. Keycloak keeps pushed requests in one
 * server-wide store, under a key that names no realm, and its authorization endpoint reads them by key alone: a
 * {@code request_uri} pushed in one realm would be honoured in any other, for that realm's client of the same
 * {@code client_id}.
 * <p>
 * So the pushed form carries one more parameter, {@value #PARAMETER}, which Keycloak stores with the request: a
 * token signed with the pushing realm's internal key (HS512) that names the realm and the authenticated client
 * and expires with the request. Before a {@code request_uri} is used, its stored token must verify with this
 * realm's keys and name this realm and the client asking. Nobody can write a valid one for a realm whose keys they
 * do not hold, so a value sent along with a push elsewhere (where nothing replaces it) is no help.
 */
public final class PushedRequestBinding {

    /** The parameter Keycloak stores with the pushed request (and keeps as one of its additional parameters). */
    public static final String PARAMETER = "auth0_par_binding";
    /** The token's {@code typ}: no other token Keycloak signs is taken for a binding. */
    static final String TYPE = "auth0-par-binding";
    /** Why a request_uri is refused, for events and client-policy errors. */
    static final String REFUSAL = "request_uri was pushed in another realm or by another client";

    private PushedRequestBinding() {
    }

    /** Adds the binding to a form about to be pushed in this realm by this (authenticated) client. */
    public static void addTo(KeycloakSession session, MultivaluedMap<String, String> form, String clientId) {
        RealmModel realm = session.getContext().getRealm();
        JsonWebToken binding = new JsonWebToken().type(TYPE).issuer(realm.getId()).issuedFor(clientId)
                .exp((long) Time.currentTime() + realm.getParPolicy().getRequestUriLifespan());
        form.putSingle(PARAMETER, session.tokens().encode(binding));
    }

    /**
     * Whether the pushed request of this {@code request_uri} may be used in this realm by this client. A request
     * Keycloak does not hold (unknown, expired, used) is left to Keycloak, which refuses it.
     */
    static boolean allows(KeycloakSession session, String requestUri, String clientId) {
        return KeycloakParStore.find(session, requestUri)
                .map(stored -> isBoundHere(session, stored, clientId))
                .orElse(true);
    }

    /**
     * At {@code /authorize}: whether a request with a {@code request_uri} may use it here; a refusal is recorded on
     * the event. Checked before Keycloak reads the request, so that a refused attempt does not consume it.
     */
    public static boolean allows(KeycloakSession session, Auth0AuthorizationRequest request, EventBuilder event) {
        String requestUri = request.get(Auth0Parameters.REQUEST_URI).orElse(null);
        String clientId = request.get(CLIENT_ID).orElse(null);
        if (requestUri == null || clientId == null || allows(session, requestUri, clientId)) {
            return true;
        }
        event.client(clientId).detail(Details.REASON, REFUSAL).error(Errors.INVALID_REQUEST);
        return false;
    }

    private static boolean isBoundHere(KeycloakSession session, Map<String, String> stored, String clientId) {
        // decode verifies with this realm's keys only: null for another realm's token, a forged one or none
        JsonWebToken binding = session.tokens().decode(stored.get(PARAMETER), JsonWebToken.class);
        return binding != null && TYPE.equals(binding.getType()) && binding.isActive()
                && session.getContext().getRealm().getId().equals(binding.getIssuer())
                && clientId.equals(binding.getIssuedFor());
    }
}
