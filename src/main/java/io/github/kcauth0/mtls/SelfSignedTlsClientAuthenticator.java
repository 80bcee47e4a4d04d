package io.github.kcauth0.mtls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;

import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.ClientAuthenticator;
import org.keycloak.common.util.PemUtils;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.ClientModel;
import org.keycloak.services.x509.X509ClientCertificateLookup;

/**
 * RFC 8705 §2.2, {@code self_signed_tls_client_auth}: the client is the one whose registered certificate the TLS
 * client certificate is, byte for byte. No CA and no subject are involved: the certificate is the credential, as
 * a key is for {@code private_key_jwt}. The registered certificate is Keycloak's own for the client (its *Keys* tab,
 * attribute {@code jwt.credential.certificate}), where Auth0's {@code x509_cert} credential goes.
 */
final class SelfSignedTlsClientAuthenticator implements ClientAuthenticator {

    /** Keycloak's client attribute for the client's certificate (CertificateInfoHelper, prefix {@code jwt.credential}). */
    static final String REGISTERED_CERTIFICATE = "jwt.credential.certificate";

    @Override
    public void authenticateClient(ClientAuthenticationFlowContext context) {
        Optional<ClientModel> client = namedClient(context);
        if (client.isEmpty()) {
            return;
        }
        if (!SelfSignedTlsClientAuthenticatorFactory.PROVIDER_ID.equals(client.get().getClientAuthenticatorType())) {
            // another client's authenticator: nothing to look at here
            context.attempted();
            return;
        }
        if (presentedCertificate(context).filter(presented -> isRegistered(client.get(), presented)).isPresent()) {
            context.success();
        } else {
            context.failure(AuthenticationFlowError.INVALID_CLIENT_CREDENTIALS, null);
        }
    }

    /** The client named by {@code client_id} (form, query, or what Keycloak's endpoint set), set on the context. */
    private static Optional<ClientModel> namedClient(ClientAuthenticationFlowContext context) {
        HttpRequest request = context.getHttpRequest();
        MediaType mediaType = request.getHttpHeaders().getMediaType();
        String clientId = null;
        if (mediaType != null && mediaType.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            clientId = request.getDecodedFormParameters().getFirst(OAuth2Constants.CLIENT_ID);
        }
        if (clientId == null) {
            clientId = context.getSession().getContext().getUri().getQueryParameters().getFirst(OAuth2Constants.CLIENT_ID);
        }
        if (clientId == null) {
            clientId = context.getSession().getAttribute(OAuth2Constants.CLIENT_ID, String.class);
        }
        if (clientId == null) {
            context.attempted();
            return Optional.empty();
        }
        ClientModel client = context.getRealm().getClientByClientId(clientId);
        if (client == null) {
            context.failure(AuthenticationFlowError.CLIENT_NOT_FOUND, null);
            return Optional.empty();
        }
        context.getEvent().client(clientId);
        context.setClient(client);
        if (!client.isEnabled()) {
            context.failure(AuthenticationFlowError.CLIENT_DISABLED, null);
            return Optional.empty();
        }
        return Optional.of(client);
    }

    /** The client certificate, as the server's {@code x509cert-lookup} provider finds it. */
    private static Optional<X509Certificate> presentedCertificate(ClientAuthenticationFlowContext context) {
        X509ClientCertificateLookup lookup = context.getSession().getProvider(X509ClientCertificateLookup.class);
        try {
            // behind Auth0's form of proxy, a self-signed certificate is one no CA verified
            X509Certificate[] chain = lookup instanceof Auth0ProxyCertificateLookup auth0
                    ? auth0.certificateChain(context.getHttpRequest(), true)
                    : lookup == null ? null : lookup.getCertificateChain(context.getHttpRequest());
            return chain == null || chain.length == 0 ? Optional.empty() : Optional.of(chain[0]);
        } catch (GeneralSecurityException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean isRegistered(ClientModel client, X509Certificate presented) {
        String registered = client.getAttribute(REGISTERED_CERTIFICATE);
        if (registered == null || registered.isBlank()) {
            return false;
        }
        try {
            return MessageDigest.isEqual(PemUtils.decodeCertificate(registered).getEncoded(), presented.getEncoded());
        } catch (GeneralSecurityException | RuntimeException unreadable) {
            return false;
        }
    }

    @Override
    public void close() {
    }
}
