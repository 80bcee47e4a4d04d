package io.github.kcauth0.issuer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The iss parameter of a redirect Keycloak built (response modes query and fragment), with Auth0's issuer. */
class AuthorizationResponseIssuerTest {

    private static final String KEYCLOAK = "https://id.example.com/realms/bank";
    private static final String AUTH0 = "https://id.example.com/realms/bank/";
    private static final String KEYCLOAK_PARAMETER = "iss=https%3A%2F%2Fid.example.com%2Frealms%2Fbank";
    private static final String AUTH0_PARAMETER = "iss=https%3A%2F%2Fid.example.com%2Frealms%2Fbank%2F";

    @Test
    void queryIssuerIsReplaced() {
        assertEquals("https://app.example.com/cb?error=invalid_request&state=s&" + AUTH0_PARAMETER,
                AuthorizationResponseIssuer.withIssuer("https://app.example.com/cb?error=invalid_request&state=s&" + KEYCLOAK_PARAMETER, KEYCLOAK, AUTH0));
    }

    @Test
    void fragmentIssuerIsReplacedAndTheQueryKept() {
        assertEquals("https://app.example.com/cb?a=1#state=s&" + AUTH0_PARAMETER + "&code=c",
                AuthorizationResponseIssuer.withIssuer("https://app.example.com/cb?a=1#state=s&" + KEYCLOAK_PARAMETER + "&code=c", KEYCLOAK, AUTH0));
    }

    @Test
    void anotherIssuerOrNoneIsLeftAlone() {
        assertNull(AuthorizationResponseIssuer.withIssuer("https://app.example.com/cb?iss=https%3A%2F%2Fevil.example", KEYCLOAK, AUTH0));
        assertNull(AuthorizationResponseIssuer.withIssuer("https://app.example.com/cb?code=c", KEYCLOAK, AUTH0));
        assertNull(AuthorizationResponseIssuer.withIssuer("https://app.example.com/cb?iss=%zz", KEYCLOAK, AUTH0));
    }
}
