package io.github.kcauth0.mtls;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.Config;
import org.keycloak.authentication.ClientAuthenticator;
import org.keycloak.authentication.ClientAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The client authenticator {@value #PROVIDER_ID}, OpenID Connect's {@code self_signed_tls_client_auth}. Like every
 * client authenticator, it runs only where a realm's client authentication flow ({@code clients}) has it as a step.
 */
public final class SelfSignedTlsClientAuthenticatorFactory implements ClientAuthenticatorFactory {

    public static final String PROVIDER_ID = "client-self-signed-x509";
    static final String SELF_SIGNED_TLS_CLIENT_AUTH = "self_signed_tls_client_auth";

    private static final SelfSignedTlsClientAuthenticator AUTHENTICATOR = new SelfSignedTlsClientAuthenticator();

    @Override
    public ClientAuthenticator create() {
        return AUTHENTICATOR;
    }

    @Override
    public ClientAuthenticator create(KeycloakSession session) {
        return AUTHENTICATOR;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Self-signed X509 certificate";
    }

    @Override
    public String getHelpText() {
        return "Validates the client by its TLS client certificate, which must be the certificate registered on the "
                + "client (Keys tab), byte for byte (self_signed_tls_client_auth)";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENT_CHOICES;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public List<ProviderConfigProperty> getConfigPropertiesPerClient() {
        return List.of();
    }

    @Override
    public Map<String, Object> getAdapterConfiguration(KeycloakSession session, ClientModel client) {
        return Map.of();
    }

    /** Keycloak 26.4 and 26.5 declare this form of the method above. */
    public Map<String, Object> getAdapterConfiguration(ClientModel client) {
        return Map.of();
    }

    @Override
    public Set<String> getProtocolAuthenticatorMethods(String loginProtocol) {
        return OIDCLoginProtocol.LOGIN_PROTOCOL.equals(loginProtocol) ? Set.of(SELF_SIGNED_TLS_CLIENT_AUTH) : Set.of();
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
