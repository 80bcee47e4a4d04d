package io.github.kcauth0.rar;

import java.util.Optional;
import java.util.Set;

/**
 * What the checks of {@code authorization_details} ask of the realm, once Keycloak has authenticated the client:
 * each answer an indexed lookup, whatever the realm's size.
 */
public interface AuthorizationDetailsRealm {

    /** The types a Keycloak {@code AuthorizationDetailsProcessor} handles (stock Keycloak: {@code openid_credential}). */
    Set<String> processedByKeycloak();

    /**
     * The types registered on the API of this identifier, if it is one of the client's own client scopes (the
     * client may request it); empty if it is not, which is answered as an unknown API.
     */
    Optional<Set<String>> registeredOn(String api);

    /** Whether the client asks its users for consent (Keycloak's <em>Consent required</em>). */
    boolean clientRequiresConsent();

    /** How much Keycloak keeps of the login's parameters it does not know, where the details travel. */
    LoginParameterLimits loginParameterLimits();
}
