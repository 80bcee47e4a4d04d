package io.github.kcauth0.token;

import java.util.Arrays;
import java.util.Optional;

import org.keycloak.OAuth2Constants;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.representations.IDToken;

/**
 * ID tokens as Auth0's classic SDKs check them. They compare {@code iss} with exactly {@code https://{domain}/},
 * the realm's issuer with a trailing slash, and, when the application names an organization, {@code org_id}
 * or {@code org_name}. Only the ID token changes: access and refresh tokens keep Keycloak's issuer, so that
 * Keycloak's userinfo, introspection and refresh, and APIs that read the realm's discovery document, accept them.
 */
public final class Auth0IdTokens {

    static final String ORG_ID = "org_id";
    static final String ORG_NAME = "org_name";
    private static final String ORGANIZATION_SCOPE_PREFIX = OAuth2Constants.ORGANIZATION + ":";

    private Auth0IdTokens() {
    }

    /** Auth0's issuer for a realm whose Keycloak issuer is {@code keycloakIssuer}. */
    public static String issuer(String keycloakIssuer) {
        return keycloakIssuer.endsWith("/") ? keycloakIssuer : keycloakIssuer + "/";
    }

    /**
     * The ID token Keycloak just issued, with Auth0's issuer and organization claims, signed (and encrypted) as
     * Keycloak signs this client's ID tokens, with the realm's active key. Every other claim is Keycloak's.
     *
     * @param grantedScope the scope Keycloak granted, which names the organization the user logged in for
     */
    public static String reissue(KeycloakSession session, String keycloakIdToken, String grantedScope) {
        IDToken idToken;
        try {
            idToken = new JWSInput(keycloakIdToken).readJsonContent(IDToken.class);
        } catch (JWSInputException encrypted) {
            // An encrypted ID token (the client asked for one) is left as Keycloak issued it.
            return keycloakIdToken;
        }
        idToken.issuer(issuer(idToken.getIssuer()));
        organization(session, grantedScope).ifPresent(organization -> {
            idToken.setOtherClaims(ORG_ID, organization.getId());
            idToken.setOtherClaims(ORG_NAME, organization.getAlias());
        });
        return session.tokens().encodeAndEncrypt(idToken);
    }

    /** The one organization named by a granted {@code organization:{alias}} scope, as /oauth/par maps Auth0's. */
    private static Optional<OrganizationModel> organization(KeycloakSession session, String grantedScope) {
        RealmModel realm = session.getContext().getRealm();
        if (grantedScope == null || !realm.isOrganizationsEnabled()) {
            return Optional.empty();
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        return Arrays.stream(grantedScope.split(" "))
                .filter(scope -> scope.startsWith(ORGANIZATION_SCOPE_PREFIX))
                .map(scope -> scope.substring(ORGANIZATION_SCOPE_PREFIX.length()))
                .filter(alias -> !alias.isEmpty() && !"*".equals(alias))
                .findFirst()
                .map(organizations::getByAlias);
    }
}
