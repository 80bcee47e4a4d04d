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
                () -> Auth0RequestChecks.checkPushed(single(Map.of()))).description());
    }

    @Test
    void requestObjectClaimsReplaceTheParametersOfTheirName() {
        String jar = signedLookingJwt("{\"client_id\":\"app\",\"response_type\":\"token\"}");

        assertEquals("unsupported_response_type", assertThrows(OAuthError.class,
                () -> check(Map.of("response_type", "code", "request", jar))).error());
        assertEquals("invalid_request", assertThrows(OAuthError.class, () -> check(Map.of("request",
                signedLookingJwt("{\"client_id\":\"app\",\"response_type\":\"code\"}"),
                "code_challenge", "c", "code_challenge_method", "plain"))).error(), "a parameter the object leaves alone counts");
        check(Map.of("request", signedLookingJwt("{\"client_id\":\"app\",\"response_type\":\"code\","
                + "\"code_challenge\":\"c\",\"code_challenge_method\":\"S256\"}")));
    }

    @Test
    void requestObjectMustNameTheClient() {
        String jar = signedLookingJwt("{\"client_id\":\"other\",\"response_type\":\"code\"}");

        assertEquals("invalid_request_object", assertThrows(OAuthError.class, () -> check(Map.of("request", jar))).error());
    }

    @Test
    void requestObjectCannotCarryParametersThatNeedMapping() {
        String jar = signedLookingJwt("{\"client_id\":\"app\",\"response_type\":\"code\",\"audience\":\"https://api\"}");

        assertEquals("invalid_request_object", assertThrows(OAuthError.class, () -> check(Map.of("request", jar))).error());
    }

    @Test
    void unsignedRequestObjectIsRefused() {
        String unsigned = jwt("{\"alg\":\"none\"}", "{\"client_id\":\"app\",\"response_type\":\"code\"}", "");

        OAuthError error = assertThrows(OAuthError.class, () -> check(Map.of("request", unsigned)));

        assertEquals("invalid_request_object", error.error());
        assertEquals("Invalid request object: the request object must be signed", error.description());
    }

    /** The checks of a push; nothing here is encrypted, and Keycloak verifies signatures afterwards. */
    private static void check(Map<String, String> parameters) {
        Map<String, String> withResponseType = new HashMap<>(parameters);
        withResponseType.putIfAbsent("response_type", "code");
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        withResponseType.forEach(form::putSingle);
        Auth0RequestChecks.checkPushed(Auth0RequestChecks.asParsed(Auth0AuthorizationRequest.of(form), "app", encrypted -> {
            throw new AssertionError("not encrypted");
        }));
    }

    /** Signed as far as its header says; the signature is not checked here. */
    private static String signedLookingJwt(String claims) {
        return jwt("{\"alg\":\"RS256\"}", claims, "c2ln");
    }

    private static String jwt(String header, String claims, String signature) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(header.getBytes()) + "." + base64.encodeToString(claims.getBytes()) + "." + signature;
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
