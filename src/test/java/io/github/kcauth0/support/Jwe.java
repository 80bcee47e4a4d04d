package io.github.kcauth0.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts a JWT to a server's public key, as a client that encrypts its request objects does (RFC 7516 compact
 * serialization, key encryption RSA-OAEP, content encryption A256GCM), with the JDK's own ciphers.
 */
public final class Jwe {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Jwe() {
    }

    /** @param keyId the {@code kid} of the server's key, or null to leave the choice to the server */
    public static String encrypt(String content, RSAPublicKey key, String keyId) {
        try {
            String header = "{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\",\"cty\":\"JWT\""
                    + (keyId == null ? "" : ",\"kid\":\"" + keyId + "\"") + "}";
            String protectedHeader = BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8));
            KeyGenerator aes = KeyGenerator.getInstance("AES");
            aes.init(256);
            SecretKey contentKey = aes.generateKey();

            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
            rsa.init(Cipher.ENCRYPT_MODE, key);
            byte[] encryptedKey = rsa.doFinal(contentKey.getEncoded());

            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, contentKey, new GCMParameterSpec(128, iv));
            gcm.updateAAD(protectedHeader.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = gcm.doFinal(content.getBytes(StandardCharsets.UTF_8));
            byte[] cipherText = Arrays.copyOf(sealed, sealed.length - 16);
            byte[] tag = Arrays.copyOfRange(sealed, sealed.length - 16, sealed.length);

            return String.join(".", protectedHeader, BASE64URL.encodeToString(encryptedKey), BASE64URL.encodeToString(iv),
                    BASE64URL.encodeToString(cipherText), BASE64URL.encodeToString(tag));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
