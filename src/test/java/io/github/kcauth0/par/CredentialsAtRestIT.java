package io.github.kcauth0.par;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.ClientKeys;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.PushedRequestStore;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The entry Keycloak's store keeps for a pushed request holds no client credential, and the request still logs
 * the user in: read on the server itself, through the tests' store probe.
 */
class CredentialsAtRestIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final ClientKeys jwtAppKeys = ClientKeys.generate();
    private static final Set<String> CREDENTIALS = Set.of("client_secret", "client_assertion", "client_assertion_type");
    private final Auth0Domain domain = new Auth0Domain(server, TestRealms.PAR_IT);
    private final PushedRequestStore store = new PushedRequestStore(server);

    @BeforeAll
    static void registerClientKey() {
        jwtAppKeys.registerWith(new Admin(server), TestRealms.PAR_IT, "jwt-app");
    }

    @Test
    void pushWithClientSecretIsStoredWithoutItAndLogsIn() {
        String requestUri = domain.requestUri(Auth0Domain.validRequest());

        Set<String> stored = store.storedParameterNames(TestRealms.PAR_IT, requestUri);
        assertTrue(stored.containsAll(Set.of("client_id", "redirect_uri", "code_challenge", "state")), stored.toString());
        assertNoCredential(stored);

        URI callback = new Browser(server).login(domain.authorizeUrl("confidential-app", requestUri), "alice", "alice-password");
        assertEquals(200, domain.redeem("confidential-app", "confidential-secret", Auth0Domain.code(callback)).statusCode());
    }

    @Test
    void pushWithPrivateKeyJwtIsStoredWithoutTheAssertion() {
        Map<String, String> form = Auth0Domain.validRequest();
        form.remove("client_secret");
        form.put("client_id", "jwt-app");
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", jwtAppKeys.assertion("jwt-app", server.domain(TestRealms.PAR_IT) + "/"));

        String requestUri = domain.requestUri(form);

        Set<String> stored = store.storedParameterNames(TestRealms.PAR_IT, requestUri);
        assertTrue(stored.contains("redirect_uri"), stored.toString());
        assertNoCredential(stored);
        URI callback = new Browser(server).login(domain.authorizeUrl("jwt-app", requestUri), "alice", "alice-password");
        assertTrue(Browser.queryParameters(callback).containsKey("code"), callback.toString());
    }

    private static void assertNoCredential(Set<String> stored) {
        assertFalse(stored.stream().anyMatch(CREDENTIALS::contains), "credentials stored: " + stored);
    }
}
