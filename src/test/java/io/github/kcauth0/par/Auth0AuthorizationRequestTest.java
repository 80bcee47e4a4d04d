package io.github.kcauth0.par;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.kcauth0.oauth.OAuthError;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals("Repeated parameter: scope", error.descriptionWithoutRequestValues());
    }

    @Test
    void repeatedExtParameterIsNamedOnlyWhereTheRequestsValuesMayGo() {
        OAuthError error = assertThrows(OAuthError.class, () -> request(Map.of("ext-<b>x</b>", List.of("1", "2"))));

        assertEquals("Repeated parameter: ext-<b>x</b>", error.description());
        assertEquals("Repeated parameter", error.descriptionWithoutRequestValues());
    }

    @Test
    void requestUriIsRejectedInAPushedRequestOnly() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("request_uri", "urn:x");

        assertEquals(400, assertThrows(OAuthError.class, () -> Auth0AuthorizationRequest.pushed(form)).status());
        assertTrue(Auth0AuthorizationRequest.of(form).has("request_uri"));
    }

    @Test
    void upToTenExtensionParametersAreKept() {
        Map<String, List<String>> ten = new HashMap<>();
        for (int i = 1; i <= 10; i++) {
            ten.put("ext-p" + i, List.of("v" + i));
        }
        assertEquals(10, request(ten).parameters().size());

        ten.put("ext-p11", List.of("v11"));
        assertEquals("At most 10 ext-* parameters are allowed", assertThrows(OAuthError.class, () -> request(ten)).description());
    }

    @Test
    void pkceMethodMustBeS256AndComeWithAChallenge() {
        assertThrows(OAuthError.class, () -> check(Map.of("code_challenge", "c", "code_challenge_method", "plain")));
        assertThrows(OAuthError.class, () -> check(Map.of("code_challenge", "c")));
        assertThrows(OAuthError.class, () -> check(Map.of("code_challenge_method", "S256")));
        check(Map.of("code_challenge", "c", "code_challenge_method", "S256"));
    }

    @Test
    void responseTypeMustBeCode() {
        assertEquals("unsupported_response_type", assertThrows(OAuthError.class,
                () -> check(Map.of("response_type", "code id_token"))).error());
        assertEquals("Missing parameter: response_type", assertThrows(OAuthError.class,
                () -> new Auth0RequestChecks(single(Map.of())).check("app")).description());
    }

    @Test
    void requestObjectClaimsAreTheRequest() {
        String jar = unsignedJwt("{\"client_id\":\"app\",\"response_type\":\"code\",\"code_challenge\":\"c\",\"code_challenge_method\":\"S256\"}");

        new Auth0RequestChecks(single(Map.of("request", jar))).check("app");
        assertEquals("unsupported_response_type", assertThrows(OAuthError.class, () -> new Auth0RequestChecks(
                single(Map.of("request", unsignedJwt("{\"client_id\":\"app\",\"response_type\":\"token\"}")))).check("app")).error());
    }

    @Test
    void requestObjectMustNameTheClient() {
        String jar = unsignedJwt("{\"client_id\":\"other\",\"response_type\":\"code\"}");

        OAuthError error = assertThrows(OAuthError.class, () -> new Auth0RequestChecks(single(Map.of("request", jar))).check("app"));

        assertEquals("invalid_request_object", error.error());
    }

    @Test
    void requestObjectCannotCarryParametersThatNeedMapping() {
        String jar = unsignedJwt("{\"client_id\":\"app\",\"response_type\":\"code\",\"audience\":\"https://api\"}");

        assertEquals("invalid_request_object", assertThrows(OAuthError.class,
                () -> new Auth0RequestChecks(single(Map.of("request", jar))).check("app")).error());
    }

    private static void check(Map<String, String> parameters) {
        Map<String, String> withResponseType = new HashMap<>(parameters);
        withResponseType.putIfAbsent("response_type", "code");
        new Auth0RequestChecks(single(withResponseType)).check("app");
    }

    private static String unsignedJwt(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes()) + "." + base64.encodeToString(claims.getBytes()) + ".c2ln";
    }

    private static Auth0AuthorizationRequest single(Map<String, String> parameters) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        parameters.forEach(map::putSingle);
        return Auth0AuthorizationRequest.of(map);
    }

    private static Auth0AuthorizationRequest request(Map<String, List<String>> form) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        form.forEach(map::addAll);
        return Auth0AuthorizationRequest.of(map);
    }
}
