package io.github.kcauth0.par;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.ClientKeys;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.Jwe;
import io.github.kcauth0.support.Jwks;
import io.github.kcauth0.support.Jwt;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.kcauth0.par.ParErrorsIT.assertOAuthError;
import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static io.github.kcauth0.support.TestRealms.CODE_CHALLENGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Request objects (JAR) are held to the rules of a plain request, whichever form they take: signed by the client,
 * encrypted to the realm around a signed one, or unsigned (refused). At /oauth/par an error is JSON; at a direct
 * /authorize it is a page, never the login form.
 */
class RequestObjectIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final String DOMAIN = server.domain(TestRealms.PAR_IT);
    private static final ClientKeys jarAppKeys = ClientKeys.generate();
    private static final String MUST_BE_SIGNED = "Invalid request object: the request object must be signed";
    private final Auth0Domain domain = new Auth0Domain(server, TestRealms.PAR_IT);

    @BeforeAll
    static void registerClientKeys() {
        jarAppKeys.registerWith(new Admin(server), TestRealms.PAR_IT, "jar-app");
    }

    @Test
    void signedObjectWithPlainPkceIsRefused() {
        String signed = jarAppKeys.requestObject(claims(c -> c.put("code_challenge_method", "plain")));

        assertOAuthError(pushJarApp(signed), 400, "invalid_request",
                "Invalid parameter: code_challenge_method: only S256 is allowed");
    }

    @Test
    void unsignedObjectIsRefusedAlsoForAClientWithoutARequestObjectAlgorithm() {
        Map<String, Object> claims = claims(c -> c.put("client_id", "confidential-app"));

        HttpResponse<String> response = domain.push(Http.form("client_id", "confidential-app",
                "client_secret", "confidential-secret", "request", Jwt.unsigned(claims)));

        assertOAuthError(response, 400, "invalid_request_object", MUST_BE_SIGNED);
    }

    static Stream<Arguments> encryptedObjectsBreakingARule() {
        return Stream.of(
                breaking("plain PKCE", c -> c.put("code_challenge_method", "plain"),
                        "invalid_request", "Invalid parameter: code_challenge_method: only S256 is allowed"),
                breaking("a challenge without its method", c -> c.remove("code_challenge_method"),
                        "invalid_request", "Missing parameter: code_challenge_method"),
                breaking("response_type token", c -> c.put("response_type", "token"),
                        "unsupported_response_type", "Unsupported response_type: only code is allowed"),
                breaking("an audience", c -> c.put("audience", TestRealms.API),
                        "invalid_request_object", "Invalid request object: \"audience\" is not supported inside a "
                                + "request object; send it as a parameter of a request without one"),
                breaking("another client's client_id", c -> c.put("client_id", "confidential-app"),
                        "invalid_request_object", "Invalid request object: the request object's client_id must be the client's"));
    }

    private static Arguments breaking(String rule, Consumer<Map<String, Object>> change, String error, String description) {
        return arguments(rule, change, error, description);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encryptedObjectsBreakingARule")
    void encryptedObjectIsHeldToTheSameRules(String name, Consumer<Map<String, Object>> change, String error,
                                             String description) {
        assertOAuthError(pushJarApp(encryptedToTheRealm(jarAppKeys.requestObject(claims(change)))), 400, error, description);
    }

    @Test
    void encryptedObjectMustHoldASignedOne() {
        Map<String, Object> claims = claims(c -> { });

        assertOAuthError(pushJarApp(encryptedToTheRealm(Jwt.unsigned(claims))), 400, "invalid_request_object", MUST_BE_SIGNED);
        assertOAuthError(pushJarApp(encryptedToTheRealm(Http.JSON.valueToTree(claims).toString())), 400,
                "invalid_request_object", MUST_BE_SIGNED);
    }

    @Test
    void objectEncryptedToAnotherKeyIsRefused() {
        String encrypted = Jwe.encrypt(jarAppKeys.requestObject(claims(c -> { })), ClientKeys.generate().publicKey(),
                realmEncryptionKeyId());

        assertOAuthError(pushJarApp(encrypted), 400, "invalid_request_object",
                "Invalid request object: the request object cannot be decrypted with the realm's keys");
    }

    @Test
    void validEncryptedObjectIsPushedAndItsLoginCompletes() {
        String encrypted = encryptedToTheRealm(jarAppKeys.requestObject(claims(c -> c.put("state", "encrypted-state"))));

        HttpResponse<String> pushed = pushJarApp(encrypted);
        assertEquals(201, pushed.statusCode(), pushed.body());
        URI callback = new Browser(server).login(domain.authorizeUrl("jar-app", Http.json(pushed).get("request_uri").asText()),
                "alice", "alice-password");

        assertEquals("encrypted-state", Browser.queryParameters(callback).get("state"));
        assertEquals(200, domain.redeem("jar-app", "jar-secret", Auth0Domain.code(callback)).statusCode());
    }

    @Test
    void directAuthorizeWithAnEncryptedObjectOfPlainPkceIsAnErrorPage() {
        String encrypted = encryptedToTheRealm(jarAppKeys.requestObject(claims(c -> c.put("code_challenge_method", "plain"))));

        assertErrorPage(new Browser(server).open(directAuthorizeUrl("jar-app", encrypted)),
                "Invalid parameter: code_challenge_method: only S256 is allowed");
    }

    @Test
    void directAuthorizeWithAnUnsignedObjectIsAnErrorPage() {
        String unsigned = Jwt.unsigned(claims(c -> c.put("client_id", "confidential-app")));

        assertErrorPage(new Browser(server).open(directAuthorizeUrl("confidential-app", unsigned)), MUST_BE_SIGNED);
    }

    @Test
    void directAuthorizeWithAValidEncryptedObjectShowsTheLoginForm() {
        String encrypted = encryptedToTheRealm(jarAppKeys.requestObject(claims(c -> { })));

        HttpResponse<String> page = new Browser(server).open(directAuthorizeUrl("jar-app", encrypted));

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(Browser.isLoginPage(page), page.body());
    }

    /** A valid request of jar-app as request object claims, changed as given. */
    private static Map<String, Object> claims(Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = new HashMap<>(Map.of("client_id", "jar-app", "iss", "jar-app", "aud", DOMAIN,
                "response_type", "code", "redirect_uri", CALLBACK, "scope", "openid", "state", "jar-state",
                "nonce", "jar-nonce", "code_challenge", CODE_CHALLENGE));
        claims.put("code_challenge_method", "S256");
        change.accept(claims);
        return claims;
    }

    /** As Auth0's SDKs push a request object: the client's credentials and the object, nothing else. */
    private HttpResponse<String> pushJarApp(String requestObject) {
        return domain.push(Http.form("client_id", "jar-app", "client_secret", "jar-secret", "request", requestObject));
    }

    /** Encrypted to the realm's encryption key, found in Keycloak's JWKS as a client would find it. */
    private static String encryptedToTheRealm(String content) {
        String keyId = realmEncryptionKeyId();
        RSAPublicKey key = Jwks.rsaKey(realmJwks(), keyId);
        return Jwe.encrypt(content, key, keyId);
    }

    private static String realmEncryptionKeyId() {
        return Jwks.encryptionKeyId(realmJwks());
    }

    private static String realmJwks() {
        return DOMAIN + "/protocol/openid-connect/certs";
    }

    private String directAuthorizeUrl(String clientId, String requestObject) {
        return domain.authorizeUrl(Http.form("client_id", clientId, "response_type", "code", "scope", "openid",
                "request", requestObject));
    }

    private static void assertErrorPage(HttpResponse<String> page, String text) {
        assertEquals(400, page.statusCode(), page.body());
        assertFalse(Browser.isLoginPage(page), page.body());
        assertTrue(page.body().contains(text), page.body());
    }
}
