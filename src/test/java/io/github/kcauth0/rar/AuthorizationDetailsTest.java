package io.github.kcauth0.rar;

import java.util.List;
import java.util.Set;

import io.github.kcauth0.oauth.OAuthError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuthorizationDetailsTest {

    @Test
    void anArrayOfTypedObjectsIsKeptAsSent() {
        String sent = "[ {\"type\": \"payment_initiation\", \"instructedAmount\": {\"currency\": \"EUR\", \"amount\": \"123.50\"}},"
                + " {\"type\": \"account_information\"} ]";

        AuthorizationDetails details = AuthorizationDetails.parse(sent);

        assertEquals(sent, details.json());
        assertEquals(List.of("payment_initiation", "account_information"), details.types());
    }

    @Test
    void whatIsNotAnArrayOfObjectsIsInvalid() {
        for (String notAnArray : List.of("{\"type\":\"x\"}", "[]", "\"x\"", "[{\"type\":\"x\"}", "null")) {
            assertInvalid(notAnArray, "authorization_details must be a JSON array of objects");
        }
    }

    @Test
    void anObjectWithoutAStringTypeIsInvalid() {
        for (String untyped : List.of("[{\"amount\":\"1\"}]", "[{\"type\":7}]", "[{\"type\":\"\"}]", "[\"payment_initiation\"]",
                "[{\"type\":\"a\"},{\"type\":null}]")) {
            assertInvalid(untyped, "each authorization_details object must have a string type");
        }
    }

    @Test
    void overTheLimitsIsInvalidWithTheLimit() {
        assertInvalid("[" + String.join(",", java.util.Collections.nCopies(11, "{\"type\":\"a\"}")) + "]",
                "authorization_details has 11 objects; at most 10 are allowed");
        assertInvalid("[{\"type\":\"" + "t".repeat(101) + "\"}]", "an authorization_details type is longer than 100 characters");
    }

    @Test
    void typesAreReadFromAuth0sResourceServerField() {
        assertEquals(Set.of("payment_initiation", "account_information"),
                ApiAuthorizationDetailsTypes.parse("[{\"type\": \"payment_initiation\"}, {\"type\": \"account_information\"}]", "api"));
        assertEquals(Set.of(), ApiAuthorizationDetailsTypes.parse("payment_initiation", "api"));
        assertEquals(Set.of(), ApiAuthorizationDetailsTypes.parse(null, "api"));
    }

    private static void assertInvalid(String value, String description) {
        OAuthError error = assertThrows(OAuthError.class, () -> AuthorizationDetails.parse(value), value);
        assertEquals(400, error.status());
        assertEquals("invalid_authorization_details", error.error());
        assertEquals(description, error.description());
    }
}
