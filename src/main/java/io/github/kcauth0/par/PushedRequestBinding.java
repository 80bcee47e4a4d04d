package io.github.kcauth0.par;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.TokenCategory;
import org.keycloak.common.util.Time;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import static org.keycloak.OAuth2Constants.CLIENT_ID;

/**
 * Binds a pushed request to the realm and the client that pushed it. Keycloak keeps pushed requests in one
 * server-wide store, under a key that names no realm, and its authorization endpoint reads them by key alone: a
 * {@code request_uri} pushed in one realm would be honoured in any other, for that realm's client of the same
 * {@code client_id}.
 * <p>
 * So the pushed form carries one more parameter, {@value #PARAMETER}, which Keycloak stores with the request:
 * {@code {exp}.{mac}}, an HMAC-SHA256 under the pushing realm's internal HMAC key of the realm's id, the
 * authenticated client and the request's expiry. Before a {@code request_uri} is used, its stored binding must
 * verify with one of this realm's keys for this realm and the client asking. Nobody can write a valid one for a
 * realm whose keys they do not hold, so a value sent along with a push elsewhere is no help. It is 54 characters:
 * every pending request holds it, and Keycloak's parser reads it on every use.
 */
public final class PushedRequestBinding {

    /** The parameter Keycloak stores with the pushed request (and keeps as one of its additional parameters). */
    public static final String PARAMETER = "auth0_par_binding";
    /** Why a request_uri is refused, for events and client-policy errors. */
    static final String REFUSAL = "request_uri was pushed in another realm or by another client";
    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(MAC_ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /**
     * Each realm's active HMAC key, looked up again after {@link #ACTIVE_KEY_REFRESH_MILLIS}: Keycloak's lookup
     * walks the realm's key providers (parsing their certificates) and was 7 % of a push in the profile. A key
     * rotated out stays among the realm's keys, which verify a binding, so a push just after a rotation still
     * verifies.
     */
    private static final Map<String, ActiveKey> ACTIVE_KEYS = new ConcurrentHashMap<>();
    private static final long ACTIVE_KEY_REFRESH_MILLIS = 10_000;

    private record ActiveKey(KeyWrapper key, long lookedUpMillis) {
    }

    private PushedRequestBinding() {
    }

    /** Adds the binding to a form about to be pushed in this realm by this (authenticated) client. */
    public static void addTo(KeycloakSession session, MultivaluedMap<String, String> form, String clientId) {
        RealmModel realm = session.getContext().getRealm();
        long expiry = (long) Time.currentTime() + realm.getParPolicy().getRequestUriLifespan();
        KeyWrapper key = activeKey(session, realm);
        form.putSingle(PARAMETER, expiry + "." + mac(key, realm, clientId, expiry));
    }

    /**
     * Whether the pushed request of this {@code request_uri} may be used in this realm by this client. A request
     * Keycloak does not hold (unknown, expired, used) is left to Keycloak, which refuses it.
     */
    static boolean allows(KeycloakSession session, String requestUri, String clientId) {
        return KeycloakParStore.find(session, requestUri)
                .map(stored -> isBoundHere(session, stored.get(PARAMETER), clientId))
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

    private static boolean isBoundHere(KeycloakSession session, String binding, String clientId) {
        int dot = binding == null ? -1 : binding.indexOf('.');
        if (dot < 1) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(binding.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (expiry < Time.currentTime()) {
            return false;
        }
        byte[] presented = binding.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        RealmModel realm = session.getContext().getRealm();
        // Any of the realm's HMAC keys, so that a key rotated out while the request was pending still counts.
        return session.keys().getKeysStream(realm, KeyUse.SIG, hmacAlgorithm(session))
                .filter(key -> key.getSecretKey() != null)
                .anyMatch(key -> MessageDigest.isEqual(presented, mac(key, realm, clientId, expiry).getBytes(StandardCharsets.US_ASCII)));
    }

    private static KeyWrapper activeKey(KeycloakSession session, RealmModel realm) {
        long now = System.currentTimeMillis();
        ActiveKey cached = ACTIVE_KEYS.get(realm.getId());
        if (cached == null || now - cached.lookedUpMillis() > ACTIVE_KEY_REFRESH_MILLIS) {
            cached = new ActiveKey(session.keys().getActiveKey(realm, KeyUse.SIG, hmacAlgorithm(session)), now);
            ACTIVE_KEYS.put(realm.getId(), cached);
        }
        return cached.key();
    }

    /** The algorithm of the key Keycloak signs its own internal tokens with (HS512 unless the realm says otherwise). */
    private static String hmacAlgorithm(KeycloakSession session) {
        return session.tokens().signatureAlgorithm(TokenCategory.INTERNAL);
    }

    /** Each part length-prefixed, so that no two (realm, client, expiry) give the same input. */
    private static String mac(KeyWrapper key, RealmModel realm, String clientId, long expiry) {
        String input = realm.getId().length() + ":" + realm.getId() + clientId.length() + ":" + clientId + expiry;
        Mac mac = MACS.get();
        try {
            mac.init(new SecretKeySpec(key.getSecretKey().getEncoded(), MAC_ALGORITHM));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
    }
}
