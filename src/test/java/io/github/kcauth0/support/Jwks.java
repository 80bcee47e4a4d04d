package io.github.kcauth0.support;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads an RSA key from a JWKS URL, as an application's JWKS client does. */
public final class Jwks {

    private Jwks() {
    }

    public static RSAPublicKey rsaKey(String jwksUrl, String keyId) {
        HttpResponse<String> response = Http.get(jwksUrl);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + jwksUrl + ": " + response.statusCode() + " " + response.body());
        }
        for (JsonNode key : Http.json(response).path("keys")) {
            if ("RSA".equals(key.path("kty").asText()) && key.path("kid").asText().equals(keyId)) {
                try {
                    return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                            new RSAPublicKeySpec(unsigned(key.get("n")), unsigned(key.get("e"))));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new AssertionError("No RSA key " + keyId + " in " + jwksUrl + ": " + response.body());
    }

    /** The {@code kid} of the first RSA-OAEP encryption key a server publishes, to encrypt to it. */
    public static String encryptionKeyId(String jwksUrl) {
        for (JsonNode key : Http.json(Http.get(jwksUrl)).path("keys")) {
            if ("enc".equals(key.path("use").asText()) && "RSA-OAEP".equals(key.path("alg").asText())) {
                return key.get("kid").asText();
            }
        }
        throw new AssertionError("No RSA-OAEP encryption key at " + jwksUrl);
    }

    private static BigInteger unsigned(JsonNode base64Url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64Url.asText()));
    }
}
