package io.github.kcauth0.par;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Comparator;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kcauth0.oauth.OAuthError;

import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.jose.JOSE;
import org.keycloak.jose.JOSEParser;
import org.keycloak.jose.jwe.JWE;
import org.keycloak.jose.jwe.JWEException;
import org.keycloak.jose.jws.Algorithm;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.KeycloakSession;

/**
 * The claims of a request object (JAR, RFC 9101), read to check them before Keycloak parses it: signed, or
 * encrypted to the realm around a signed one. Keycloak verifies the signature afterwards; an unsigned object
 * ({@code alg=none}), which Keycloak takes from a client without a request object algorithm, is refused here.
 */
final class RequestObjectClaims {

    private RequestObjectClaims() {
    }

    /** @param decryption the content of an encrypted object, or an {@link OAuthError} */
    static JsonNode of(String requestObject, Function<JWE, byte[]> decryption) {
        JOSE outer = parse(requestObject, "the request object is not a JWT");
        JOSE signed = outer instanceof JWE encrypted
                ? parse(new String(decryption.apply(encrypted), StandardCharsets.UTF_8), "the request object must be signed")
                : outer;
        if (!(signed instanceof JWSInput jws)) {
            throw OAuthError.invalidRequestObject("the request object must be signed");
        }
        return signedClaims(jws);
    }

    /**
     * Decrypts as Keycloak does: with the realm's encryption key the header names, else the realm's encryption
     * key of highest priority. Keycloak decrypts it again when it parses the request: one more RSA decryption, on
     * the rare encrypted object only.
     */
    static byte[] decryptWithRealmKeys(KeycloakSession session, JWE encrypted) {
        String keyId = encrypted.getHeader().getKeyId();
        Key key = session.keys().getKeysStream(session.getContext().getRealm())
                .filter(candidate -> KeyUse.ENC.equals(candidate.getUse()) && candidate.getPrivateKey() != null)
                .filter(candidate -> keyId == null || keyId.equals(candidate.getKid()))
                .max(Comparator.comparingLong(KeyWrapper::getProviderPriority))
                .map(KeyWrapper::getPrivateKey)
                .orElseThrow(RequestObjectClaims::cannotDecrypt);
        encrypted.getKeyStorage().setDecryptionKey(key);
        try {
            return encrypted.verifyAndDecodeJwe().getContent();
        } catch (JWEException | RuntimeException e) {
            throw cannotDecrypt();
        }
    }

    private static JsonNode signedClaims(JWSInput jws) {
        Algorithm algorithm = jws.getHeader().getAlgorithm();
        if (algorithm == null || algorithm == Algorithm.none) {
            throw OAuthError.invalidRequestObject("the request object must be signed");
        }
        JsonNode claims;
        try {
            claims = jws.readJsonContent(JsonNode.class);
        } catch (JWSInputException | RuntimeException e) {
            claims = null;
        }
        if (claims == null || !claims.isObject()) {
            throw OAuthError.invalidRequestObject("the request object's claims are not a JSON object");
        }
        return claims;
    }

    /** Keycloak's own reading of a JWT: the header's {@code enc} makes it encrypted. */
    private static JOSE parse(String jwt, String whyNot) {
        try {
            return JOSEParser.parse(jwt);
        } catch (RuntimeException e) {
            throw OAuthError.invalidRequestObject(whyNot);
        }
    }

    private static OAuthError cannotDecrypt() {
        return OAuthError.invalidRequestObject("the request object cannot be decrypted with the realm's keys");
    }
}
