package io.github.kcauth0.rar;

import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.forms.login.freemarker.FreeMarkerLoginFormsProvider;
import org.keycloak.forms.login.freemarker.FreeMarkerLoginFormsProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's login pages ("freemarker", SPI {@code login}), replaced by provider id with ones whose consent page
 * also lists the {@code authorization_details} types a login carries ({@link AuthorizationDetailsConsent}); every
 * other page, and the factory, are Keycloak's.
 */
public final class ConsentWithAuthorizationDetailsFormsFactory extends FreeMarkerLoginFormsProviderFactory {

    @Override
    public LoginFormsProvider create(KeycloakSession session) {
        return new FreeMarkerLoginFormsProvider(session) {
            @Override
            public Response createOAuthGrant() {
                if (authenticationSession != null && clientScopesRequested != null) {
                    clientScopesRequested = AuthorizationDetailsConsent.lines(session, authenticationSession, clientScopesRequested);
                }
                return super.createOAuthGrant();
            }
        };
    }
}
