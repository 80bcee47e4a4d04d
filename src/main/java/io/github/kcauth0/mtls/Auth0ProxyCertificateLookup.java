package io.github.kcauth0.mtls;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.regex.Pattern;

import org.keycloak.http.HttpRequest;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.x509.X509ClientCertificateLookup;

/**
 * The client certificate of a request: the TLS connection's own when Keycloak terminated TLS, else the one Auth0's
 * form of proxy forwarded ({@code client-certificate}: the URL-encoded PEM), read only from a proxy Keycloak trusts
 * ({@code --proxy-trusted-addresses}). A forwarded certificate the proxy did not verify against a CA
 * ({@code client-certificate-ca-verified} other than {@code SUCCESS}) is a credential for
 * {@code self_signed_tls_client_auth} only: Keycloak's {@code client-x509} never sees it, since it would take any
 * certificate with the right subject.
 */
public final class Auth0ProxyCertificateLookup implements X509ClientCertificateLookup {

    static final String CERTIFICATE_HEADER = "client-certificate";
    static final String CA_VERIFIED_HEADER = "client-certificate-ca-verified";
    static final String CA_VERIFIED = "SUCCESS";
    /** Auth0 forwards certificates of up to 4 KB; URL-encoded, that is at most about three times as long. */
    static final int MAX_HEADER_LENGTH = 16 * 1024;
    private static final Pattern PEM_ARMOUR = Pattern.compile("-----(BEGIN|END)[ +]CERTIFICATE-----");

    private final KeycloakSession session;

    Auth0ProxyCertificateLookup(KeycloakSession session) {
        this.session = session;
    }

    /**
     * Once Keycloak has authenticated a self-signed client (its tokens being bound to the certificate, or checked at
     * {@code /userinfo}), that client's certificate is taken unverified. While a client is being authenticated, and
     * in a user's login (Keycloak's X.509 user authenticator), only a verified one is.
     */
    @Override
    public X509Certificate[] getCertificateChain(HttpRequest request) {
        ClientModel client = session.getContext().getClient();
        boolean selfSignedClientKnown = client != null && session.getContext().getAuthenticationSession() == null
                && SelfSignedTlsClientAuthenticatorFactory.PROVIDER_ID.equals(client.getClientAuthenticatorType());
        return certificateChain(request, selfSignedClientKnown);
    }

    /** @param acceptUnverified whether a forwarded certificate the proxy did not verify against a CA is taken */
    X509Certificate[] certificateChain(HttpRequest request, boolean acceptUnverified) {
        X509Certificate[] connection = request.getClientCertificateChain();
        if (connection != null && connection.length > 0) {
            return connection;
        }
        if (!request.isProxyTrusted()) {
            return null;
        }
        String forwarded = request.getHttpHeaders().getHeaderString(CERTIFICATE_HEADER);
        if (forwarded == null || forwarded.isBlank() || forwarded.length() > MAX_HEADER_LENGTH) {
            return null;
        }
        boolean verified = CA_VERIFIED.equals(request.getHttpHeaders().getHeaderString(CA_VERIFIED_HEADER));
        if (!verified && !acceptUnverified) {
            return null;
        }
        X509Certificate certificate = decode(forwarded);
        return certificate == null ? null : new X509Certificate[] {certificate};
    }

    /**
     * The URL-encoded PEM: percent-encoded (nginx's {@code $ssl_client_escaped_cert}) or form-encoded (a space as
     * {@code +}); a {@code +} of the base64 stays a {@code +}. Anything unreadable is no certificate.
     */
    static X509Certificate decode(String urlEncodedPem) {
        try {
            String pem = URLDecoder.decode(urlEncodedPem.replace("+", "%2B"), StandardCharsets.UTF_8);
            byte[] der = Base64.getMimeDecoder().decode(PEM_ARMOUR.matcher(pem).replaceAll(""));
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException unreadable) {
            return null;
        }
    }

    @Override
    public void close() {
    }
}
