package io.github.kcauth0.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test server's TLS certificate for {@code localhost} and {@code 127.0.0.1}: self-signed, made once with
 * {@code keytool} under {@code target/test-tls/}, and trusted by this JVM (its default SSLContext, so
 * java.net.http and HttpsURLConnection, and {@code javax.net.ssl.trustStore}, which OkHttp reads) and by
 * Node ({@code NODE_EXTRA_CA_CERTS} = {@link #certificatePem()}).
 */
public final class TestTls {

    private static final String PASSWORD = "test-tls-password";
    private static final String ALIAS = "localhost";
    private static final Path DIRECTORY = Path.of("target", "test-tls").toAbsolutePath();
    private static final Path KEY_STORE = DIRECTORY.resolve("localhost.p12");
    private static final Path CERTIFICATE_PEM = DIRECTORY.resolve("localhost.pem");
    private static final Path TRUST_STORE = DIRECTORY.resolve("truststore.p12");

    private static SSLContext context;

    private TestTls() {
    }

    /** The PKCS12 key store Keycloak serves HTTPS with. */
    public static Path keyStore() {
        trustInThisJvm();
        return KEY_STORE;
    }

    public static String keyStorePassword() {
        return PASSWORD;
    }

    /** The certificate in PEM, for clients outside this JVM. */
    public static Path certificatePem() {
        trustInThisJvm();
        return CERTIFICATE_PEM;
    }

    /** An SSLContext trusting the JDK's CAs and the test certificate; also installed as this JVM's default. */
    public static synchronized SSLContext trustInThisJvm() {
        if (context != null) {
            return context;
        }
        try {
            if (!Files.exists(KEY_STORE) || !Files.exists(CERTIFICATE_PEM)) {
                generate();
            }
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            Path jdkCacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
            KeyStore cacerts = KeyStore.getInstance(jdkCacerts.toFile(), "changeit".toCharArray());
            for (String alias : Collections.list(cacerts.aliases())) {
                trusted.setCertificateEntry(alias, cacerts.getCertificate(alias));
            }
            try (InputStream pem = Files.newInputStream(CERTIFICATE_PEM)) {
                Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(pem);
                trusted.setCertificateEntry("kcauth0-test-localhost", certificate);
            }
            try (OutputStream out = Files.newOutputStream(TRUST_STORE)) {
                trusted.store(out, PASSWORD.toCharArray());
            }
            // OkHttp (Auth0's Java SDK) builds its trust manager from these properties
            System.setProperty("javax.net.ssl.trustStore", TRUST_STORE.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, trustManagers.getTrustManagers(), null);
            SSLContext.setDefault(ssl);
            HttpsURLConnection.setDefaultSSLSocketFactory(ssl.getSocketFactory());
            context = ssl;
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void generate() throws IOException {
        Files.createDirectories(DIRECTORY);
        Files.deleteIfExists(KEY_STORE);
        Files.deleteIfExists(CERTIFICATE_PEM);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", KEY_STORE.toString(), "-storepass", PASSWORD);
        run(keytool, "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", KEY_STORE.toString(),
                "-storepass", PASSWORD, "-file", CERTIFICATE_PEM.toString());
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
