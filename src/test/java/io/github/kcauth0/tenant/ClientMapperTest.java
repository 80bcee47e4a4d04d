package io.github.kcauth0.tenant;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientMapperTest {

    private static ClientMapper.Application application(String client) {
        ClientMapper mapper = new ClientMapper(TenantFile.parse(("{\"clients\": [" + client + "]}").getBytes(StandardCharsets.UTF_8)).clients());
        return mapper.applications().get(0);
    }

    @Test
    void whenACallbackHasAWildcardThenItIsLeftOutAndReported() {
        ClientMapper.Application app = application("{\"client_id\": \"a\", \"client_secret\": \"s\","
                + " \"callbacks\": [\"https://app.example/cb\", \"https://*.example.com/cb\"], \"allowed_logout_urls\": [\"https://app.example/out\", \"https://app.example/bye\"]}");

        assertEquals(Set.of("https://app.example/cb"), app.redirectUris());
        assertEquals("https://app.example/out##https://app.example/bye", app.postLogoutRedirectUris());
        assertTrue(app.todo().stream().anyMatch(line -> line.contains("https://*.example.com/cb")), app.todo().toString());
    }

    @Test
    void whenASpaHasNoAuthenticationMethodThenItIsPublic() {
        ClientMapper.Application app = application("{\"client_id\": \"a\", \"app_type\": \"spa\", \"grant_types\": [\"authorization_code\", \"client_credentials\"]}");

        assertTrue(app.publicClient());
        assertFalse(app.serviceAccount(), "a public client has no service account");
        assertTrue(app.todo().isEmpty(), app.todo().toString());
    }

    @Test
    void whenAMachineToMachineAppHasNoGrantTypesThenItGetsAServiceAccountOnly() {
        ClientMapper.Application app = application("{\"client_id\": \"a\", \"client_secret\": \"s\", \"app_type\": \"non_interactive\"}");

        assertTrue(app.serviceAccount());
        assertFalse(app.standardFlow());
        assertFalse(app.publicClient());
    }

    @Test
    void whenTheClientUsesPrivateKeyJwtThenItIsClientJwtAndTheKeysAreAskedFor() {
        ClientMapper.Application app = application("{\"client_id\": \"a\", \"client_authentication_methods\":"
                + " {\"private_key_jwt\": {\"credentials\": [{\"id\": \"cred_1\"}]}}, \"jwt_configuration\": {\"alg\": \"HS256\"}}");

        assertEquals("client-jwt", app.authenticator());
        assertEquals("RS256", app.idTokenAlgorithm());
        assertEquals(2, app.todo().size(), app.todo().toString());
    }

    @Test
    void whenTheSecretIsMissingThenTheReportSaysSoWithoutAnyValue() {
        ClientMapper.Application app = application("{\"client_id\": \"a\", \"app_type\": \"regular_web\", \"grant_types\": [\"authorization_code\", \"password\", \"urn:x\"]}");

        assertEquals(null, app.secret());
        assertTrue(app.directGrants());
        assertEquals(2, app.todo().size(), app.todo().toString());
        assertTrue(app.todo().get(0).startsWith("client a has no client_secret in the tenant file"), app.todo().get(0));
        assertTrue(app.todo().get(1).startsWith("client a: grant type urn:x has no counterpart"), app.todo().get(1));
    }
}
