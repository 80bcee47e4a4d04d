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

    private final KeyPair keyPair;
    /** Fresh for each key: Keycloak caches a client's keys by key id. */
    private final String keyId = "key-" + UUID.randomUUID();

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

    /** The private key in PKCS#8 PEM, as other languages' SDKs take it. */
    public String privateKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(privateKey().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }

    /** Registers the public key with the client, as its JWKS. */
    public void registerWith(Admin admin, String realm, String clientId) {
        ObjectNode changes = Http.JSON.createObjectNode();
        changes.putObject("attributes").put("use.jwks.string", "true").put("jwks.string", jwks("RS256"));
        admin.updateClient(realm, clientId, changes);
    }

    /** The public key as a JWKS for signatures with {@code algorithm} (RS256, PS256). */
    public String jwks(String algorithm) {
        ObjectNode key = Http.JSON.createObjectNode()
                .put("kty", "RSA").put("kid", keyId).put("use", "sig").put("alg", algorithm)
                .put("n", base64Url(publicKey().getModulus())).put("e", base64Url(publicKey().getPublicExponent()));
        ObjectNode jwks = Http.JSON.createObjectNode();
        jwks.putArray("keys").add(key);
        return jwks.toString();
    }

    public String keyId() {
        return keyId;
    }

    /** A client assertion (RFC 7523, private_key_jwt) from {@code clientId}, addressed to {@code audience}. */
    public String assertion(String clientId, String audience) {
        return sign(JWT.create().withKeyId(keyId), clientId, audience, Algorithm.RSA256(publicKey(), privateKey()));
    }

    /** A client assertion signed with the client secret (client_secret_jwt). */
    public static String secretAssertion(String clientId, String audience, String secret) {
        return sign(JWT.create(), clientId, audience, Algorithm.HMAC256(secret));
    }

    /** A signed request object (JAR, RFC 9101) with these claims. */
    public String requestObject(java.util.Map<String, ?> claims) {
        return JWT.create().withKeyId(keyId).withPayload(claims).sign(Algorithm.RSA256(publicKey(), privateKey()));
    }

    private static String sign(com.auth0.jwt.JWTCreator.Builder jwt, String clientId, String audience, Algorithm algorithm) {
        Instant now = Instant.now();
        return jwt.withIssuer(clientId).withSubject(clientId).withAudience(audience)
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
