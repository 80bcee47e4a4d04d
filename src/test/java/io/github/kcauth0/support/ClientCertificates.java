package io.github.kcauth0.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * TLS client certificates for mTLS tests, made once with {@code keytool} under {@code target/test-tls/clients/}: a test
 * CA, certificates it issued (subject {@code CN={name},O=kcauth0}) and self-signed ones. The test server trusts
 * {@link #trustStore()} for client certificates ({@code --https-trust-store-file}); Node reads
 * {@link Pem#certificate()} and {@link Pem#key()}.
 */
public final class ClientCertificates {

    public static final String PASSWORD = "test-client-tls-password";
    private static final Path DIRECTORY = Path.of("target", "test-tls", "clients").toAbsolutePath();
    private static final Path CA = DIRECTORY.resolve("ca.p12");
    private static final Path CA_PEM = DIRECTORY.resolve("ca.pem");
    private static final Path TRUST_STORE = DIRECTORY.resolve("truststore.p12");
    /** Issued by the test CA. */
    public static final List<String> ISSUED = List.of("mtls-app", "mtls-other");
    /**
     * Self-signed. Keycloak's own TLS layer accepts a client certificate only when its trust store vouches for it, so
     * the trust store holds these too; the client authenticator still matches only the one registered on a client.
     */
    public static final List<String> SELF_SIGNED = List.of("self-signed-app", "self-signed-other");

    /** A certificate and its private key in PEM files. */
    public record Pem(Path certificate, Path key) {
    }

    private ClientCertificates() {
    }

    public static String subject(String name) {
        return "CN=" + name + ",O=kcauth0";
    }

    /** The trust store Keycloak checks client certificates with: the test CA and the self-signed certificates. */
    public static synchronized Path trustStore() {
        if (!Files.exists(TRUST_STORE)) {
            generate();
        }
        return TRUST_STORE;
    }

    public static Pem pem(String name) {
        trustStore();
        return new Pem(DIRECTORY.resolve(name + ".pem"), DIRECTORY.resolve(name + "-key.pem"));
    }

    /** The certificate's DER in base64, as Keycloak's client attribute {@code jwt.credential.certificate} holds one. */
    public static String base64Der(String name) {
        try {
            return Base64.getEncoder().encodeToString(certificate(name).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 8705 §3.1: {@code x5t#S256}, the base64url SHA-256 of the certificate's DER. */
    public static String thumbprint(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate(name).getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String name) throws GeneralSecurityException {
        trustStore();
        try {
            KeyStore store = KeyStore.getInstance(DIRECTORY.resolve(name + ".p12").toFile(), PASSWORD.toCharArray());
            return (X509Certificate) store.getCertificate(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void generate() {
        try {
            Files.createDirectories(DIRECTORY);
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                    "-dname", "CN=kcauth0 test client CA", "-ext", "bc:c", "-storetype", "PKCS12", "-keystore", CA.toString(),
                    "-storepass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", CA.toString(), "-storepass", PASSWORD, "-file", CA_PEM.toString());
            keytool("-importcert", "-noprompt", "-alias", "ca", "-file", CA_PEM.toString(), "-storetype", "PKCS12",
                    "-keystore", TRUST_STORE.toString(), "-storepass", PASSWORD);
            for (String name : ISSUED) {
                Path store = keyPair(name);
                Path request = DIRECTORY.resolve(name + ".csr");
                Path issued = DIRECTORY.resolve(name + "-issued.pem");
                keytool("-certreq", "-alias", name, "-keystore", store.toString(), "-storepass", PASSWORD, "-file", request.toString());
                keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", CA.toString(), "-storepass", PASSWORD, "-validity", "3650",
                        "-infile", request.toString(), "-outfile", issued.toString());
                keytool("-importcert", "-noprompt", "-alias", "ca", "-file", CA_PEM.toString(), "-keystore", store.toString(), "-storepass", PASSWORD);
                keytool("-importcert", "-noprompt", "-alias", name, "-file", issued.toString(), "-keystore", store.toString(), "-storepass", PASSWORD);
                writePem(name, store);
            }
            for (String name : SELF_SIGNED) {
                Path store = keyPair(name);
                writePem(name, store);
                keytool("-importcert", "-noprompt", "-alias", name, "-file", DIRECTORY.resolve(name + ".pem").toString(),
                        "-storetype", "PKCS12", "-keystore", TRUST_STORE.toString(), "-storepass", PASSWORD);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path keyPair(String name) throws IOException {
        Path store = DIRECTORY.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", subject(name), "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD);
        return store;
    }

    /** The certificate (its chain without the root) and the private key, in PEM, for Node's TLS client. */
    private static void writePem(String name, Path store) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance(store.toFile(), PASSWORD.toCharArray());
        PrivateKey key = (PrivateKey) keyStore.getKey(name, PASSWORD.toCharArray());
        Certificate leaf = keyStore.getCertificateChain(name)[0];
        Files.writeString(DIRECTORY.resolve(name + ".pem"), pem("CERTIFICATE", leaf.getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(DIRECTORY.resolve(name + "-key.pem"), pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
