package io.github.kcauth0.mtls;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.x509.X509ClientCertificateLookup;
import org.keycloak.services.x509.X509ClientCertificateLookupFactory;

/**
 * The {@code x509cert-lookup} provider {@value #PROVIDER_ID}, for a proxy that forwards client certificates as Auth0's
 * edge does. Chosen server-wide with {@code --spi-x509cert-lookup--provider=auth0}; Keycloak's own providers
 * ({@code default}, {@code nginx}, …) stay available for proxies that send their formats.
 */
public final class Auth0ProxyCertificateLookupFactory implements X509ClientCertificateLookupFactory {

    public static final String PROVIDER_ID = "auth0";

    @Override
    public X509ClientCertificateLookup create(KeycloakSession session) {
        return new Auth0ProxyCertificateLookup(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
