package io.github.kcauth0.par;

import io.github.kcauth0.rar.CarriedAuthorizationDetails;

import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * {@code authorization_details} pushed beside a request object (what Auth0's
 * {@code pushedAuthorizationRequestWithJAR(request, authorizationDetails)} sends), checked at the push and stored with
 * the pushed form. Keycloak's authorization endpoint reads such a pushed request's object and nothing beside it, so
 * they are read from the stored form before Keycloak consumes it and given to the login as the note the details
 * travel in otherwise.
 */
public final class PushedObjectAuthorizationDetails {

    private static final String ATTRIBUTE = PushedObjectAuthorizationDetails.class.getName();

    private PushedObjectAuthorizationDetails() {
    }

    /** Before Keycloak's authorization endpoint reads the pushed request of this {@code request_uri}. */
    public static void remember(KeycloakSession session, String requestUri) {
        if (requestUri == null) {
            return;
        }
        KeycloakParStore.find(session, requestUri)
                .filter(pushed -> pushed.get(Auth0Parameters.REQUEST) != null)
                .map(pushed -> pushed.get(CarriedAuthorizationDetails.PARAMETER))
                .ifPresent(details -> session.setAttribute(ATTRIBUTE, details));
    }

    /** Once Keycloak has made the login of that request (none when it refused it). */
    public static void carryInto(KeycloakSession session, AuthenticationSessionModel login) {
        String details = session.getAttribute(ATTRIBUTE, String.class);
        if (details != null && login != null) {
            login.setClientNote(CarriedAuthorizationDetails.NOTE, details);
        }
    }
}
