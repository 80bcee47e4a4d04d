package io.github.kcauth0.mtls;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

import io.github.kcauth0.support.ClientCertificates;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Auth0's {@code client-certificate} header: the PEM, URL-encoded. */
class Auth0ProxyCertificateLookupTest {

    private static final String PEM = pem();

    @Test
    void formEncodedPemIsTheCertificate() throws CertificateEncodingException {
        assertIsTheCertificate(Auth0ProxyCertificateLookup.decode(URLEncoder.encode(PEM, StandardCharsets.UTF_8)));
    }

    @Test
    void percentEncodedPemWithItsPlusSignsLeftAsTheyAreIsTheCertificate() throws CertificateEncodingException {
        String spacesAndLinesEncoded = PEM.replace("\n", "%0A").replace(" ", "%20");
        assertTrue(PEM.contains("+"), "the base64 has a +");
        assertIsTheCertificate(Auth0ProxyCertificateLookup.decode(spacesAndLinesEncoded));
    }

    @Test
    void unreadableHeaderIsNoCertificate() {
        assertNull(Auth0ProxyCertificateLookup.decode("not a certificate"));
        assertNull(Auth0ProxyCertificateLookup.decode("%ZZ"));
        assertNull(Auth0ProxyCertificateLookup.decode("-----BEGIN CERTIFICATE-----%0AAAAA%0A-----END CERTIFICATE-----"));
    }

    private static void assertIsTheCertificate(X509Certificate decoded) throws CertificateEncodingException {
        String body = PEM.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertArrayEquals(Base64.getDecoder().decode(body), decoded.getEncoded());
    }

    private static String pem() {
        try {
            return Files.readString(ClientCertificates.pem("self-signed-app").certificate());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
