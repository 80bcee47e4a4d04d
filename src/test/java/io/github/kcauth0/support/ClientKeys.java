package io.github.kcauth0.support;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A client's RSA key for private_key_jwt: the client signs assertions, Keycloak knows the public half. */
public final class ClientKeys {

    public static final String KEY_ID = "test-client-key";

    private final KeyPair keyPair;

    private ClientKeys(KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    public static ClientKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new ClientKeys(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keyPair.getPublic();
    }

    public RSAPrivateKey privateKey() {
        return (RSAPrivateKey) keyPair.getPrivate();
    }

    public Algorithm rs256() {
        return Algorithm.RSA256(publicKey(), privateKey());
    }

    /** Registers the public key with the client, as its JWKS. */
    public void registerWith(Admin admin, String realm, String clientId) {
        ObjectNode key = Http.JSON.createObjectNode()
                .put("kty", "RSA").put("kid", KEY_ID).put("use", "sig").put("alg", "RS256")
                .put("n", base64Url(publicKey().getModulus())).put("e", base64Url(publicKey().getPublicExponent()));
        ObjectNode jwks = Http.JSON.createObjectNode();
        jwks.putArray("keys").add(key);
        ObjectNode changes = Http.JSON.createObjectNode();
        changes.putObject("attributes").put("use.jwks.string", "true").put("jwks.string", jwks.toString());
        admin.updateClient(realm, clientId, changes);
    }

    /** A client assertion (RFC 7523) from {@code clientId}, addressed to {@code audience}. */
    public static String assertion(String clientId, String audience, Algorithm algorithm) {
        Instant now = Instant.now();
        return JWT.create().withKeyId(KEY_ID).withIssuer(clientId).withSubject(clientId).withAudience(audience)
                .withJWTId(UUID.randomUUID().toString()).withIssuedAt(now).withExpiresAt(now.plusSeconds(60))
                .sign(algorithm);
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
