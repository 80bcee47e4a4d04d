package io.github.kcauth0.par;

import java.util.List;
import java.util.Map;

import io.github.kcauth0.oauth.OAuthError;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Auth0AuthorizationRequestTest {

    @Test
    void emptyParametersCountAsOmitted() {
        assertFalse(request(Map.of("state", List.of(""))).has("state"));
    }

    @Test
    void unknownParametersAreIgnoredEvenWhenRepeated() {
        assertEquals(Map.of("state", "s"), request(Map.of("state", List.of("s"), "foo", List.of("1", "2"))).parameters());
    }

    @Test
    void repeatedKnownParameterIsRejected() {
        OAuthError error = assertThrows(OAuthError.class, () -> request(Map.of("scope", List.of("openid", "email"))));

        assertEquals("Repeated parameter: scope", error.description());
    }

    @Test
    void requestUriIsRejected() {
        OAuthError error = assertThrows(OAuthError.class, () -> request(Map.of("request_uri", List.of("urn:x"))));

        assertEquals(400, error.status());
        assertEquals("invalid_request", error.error());
    }

    @Test
    void pkceMethodMustBeS256AndComeWithAChallenge() {
        assertThrows(OAuthError.class, () -> checks(Map.of("code_challenge", List.of("c"), "code_challenge_method", List.of("plain"))).checkPkce());
        assertThrows(OAuthError.class, () -> checks(Map.of("code_challenge", List.of("c"))).checkPkce());
        assertThrows(OAuthError.class, () -> checks(Map.of("code_challenge_method", List.of("S256"))).checkPkce());
        checks(Map.of()).checkPkce();
    }

    @Test
    void responseTypeMustBeCode() {
        assertEquals("unsupported_response_type", assertThrows(OAuthError.class,
                () -> checks(Map.of("response_type", List.of("code id_token"))).checkResponseType()).error());
        assertEquals("Missing parameter: response_type", assertThrows(OAuthError.class,
                () -> checks(Map.of()).checkResponseType()).description());
        checks(Map.of("response_type", List.of("code"))).checkResponseType();
    }

    private static Auth0RequestChecks checks(Map<String, List<String>> form) {
        return new Auth0RequestChecks(request(form));
    }

    private static Auth0AuthorizationRequest request(Map<String, List<String>> form) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        form.forEach(map::addAll);
        return Auth0AuthorizationRequest.fromForm(map);
    }
}
