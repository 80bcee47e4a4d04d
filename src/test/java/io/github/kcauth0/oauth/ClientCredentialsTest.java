package io.github.kcauth0.oauth;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientCredentialsTest {

    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    @Test
    void basicHeaderNamesTheClient() {
        ClientCredentials credentials = ClientCredentials.of(basic("my%20app", "s3cret"), Map.of());

        assertEquals("my app", credentials.basicClientId().orElseThrow());
    }

    @Test
    void bearerHeaderIsNoCredential() {
        ClientCredentials credentials = ClientCredentials.of("Bearer <token>", Map.of("client_id", "app", "client_secret", "s"));

        assertTrue(credentials.basicClientId().isEmpty());
    }

    @Test
    void oneMethodPerRequest() {
        assertEquals("Only one client authentication method may be used", assertThrows(OAuthError.class,
                () -> ClientCredentials.of(basic("app", "s"), Map.of("client_secret", "s"))).description());
        assertEquals(400, assertThrows(OAuthError.class, () -> ClientCredentials.of(null,
                Map.of("client_secret", "s", "client_assertion", "a", "client_assertion_type", JWT_BEARER))).status());
    }

    @Test
    void basicClientMustBeTheClientId() {
        OAuthError error = assertThrows(OAuthError.class,
                () -> ClientCredentials.of(basic("other", "s"), Map.of("client_id", "app")));

        assertEquals(401, error.status());
        assertEquals("invalid_client", error.error());
    }

    @Test
    void malformedBasicHeaderIsInvalidClient() {
        assertEquals(401, assertThrows(OAuthError.class, () -> ClientCredentials.of("Basic !!!", Map.of())).status());
    }

    @Test
    void controlCharacterInTheBasicClientIdIsInvalidClient() {
        for (String id : new String[] {"app%00", "app%0D%0Aforged", "app\t"}) {
            assertEquals(401, assertThrows(OAuthError.class, () -> ClientCredentials.of(basic(id, "s"), Map.of())).status());
        }
    }

    @Test
    void assertionNeedsTheJwtBearerType() {
        assertEquals("Missing parameter: client_assertion_type", assertThrows(OAuthError.class,
                () -> ClientCredentials.of(null, Map.of("client_assertion", "a"))).description());
        assertEquals("Missing parameter: client_assertion", assertThrows(OAuthError.class,
                () -> ClientCredentials.of(null, Map.of("client_assertion_type", JWT_BEARER))).description());
        assertEquals("Invalid parameter: client_assertion_type", assertThrows(OAuthError.class,
                () -> ClientCredentials.of(null, Map.of("client_assertion", "a", "client_assertion_type", "saml"))).description());
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes());
    }
}
