package io.github.kcauth0.tenant;

import java.nio.charset.StandardCharsets;
import io.github.kcauth0.oauth.OAuthError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantFileTest {

    private static TenantFile parse(String json) {
        return TenantFile.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String rejection(String json) {
        OAuthError error = assertThrows(OAuthError.class, () -> {
            TenantFile file = parse(json);
            new ClientMapper(file.clients());
            new ResourceServerMapper(file.resourceServers());
            new ClientGrantMapper(file.clientGrants());
            new ConnectionMapper(file.connections());
            new OrganizationMapper(file.organizations());
        });
        assertEquals(400, error.status());
        return error.description();
    }

    @Test
    void whenListsAreMissingThenTheFileIsEmpty() {
        TenantFile file = parse("{\"tenant_settings\": {}}");

        assertTrue(file.clients().isEmpty());
        assertTrue(file.connections().isEmpty());
    }

    @Test
    void whenAFieldHasTheWrongTypeThenTheErrorNamesListIndexObjectAndField() {
        assertEquals("Invalid tenant file: clients[1] (client_id \"b\") field callbacks must be an array of strings",
                rejection("{\"clients\": [{\"client_id\": \"a\"}, {\"client_id\": \"b\", \"callbacks\": \"https://x\"}]}"));
        assertEquals("Invalid tenant file: resource_servers[0] (identifier \"https://api\") field value is required",
                rejection("{\"resource_servers\": [{\"identifier\": \"https://api\", \"scopes\": [{\"description\": \"d\"}]}]}"));
        assertEquals("Invalid tenant file: organizations[0] (name \"acme\") field id is required",
                rejection("{\"organizations\": [{\"name\": \"acme\"}]}"));
        assertEquals("Invalid tenant file: client_grants must be an array", rejection("{\"client_grants\": {}}"));
    }

    @Test
    void whenAClientIdAppearsTwiceThenTheFileIsRejected() {
        assertTrue(rejection("{\"clients\": [{\"client_id\": \"a\"}, {\"client_id\": \"a\"}]}").contains("clients[1]"));
    }

    @Test
    void whenAValueHasAControlCharacterThenTheErrorEscapesIt() {
        String description = rejection("{\"clients\": [{\"client_id\": \"a\\nb\", \"name\": 5}]}");

        assertFalse(description.contains("\n"), description);
    }

    @Test
    void whenTheBodyIsTooLargeThenItIs413() {
        OAuthError error = assertThrows(OAuthError.class, () -> TenantFile.parse(new byte[TenantFile.MAX_BYTES + 1]));

        assertEquals(413, error.status());
    }
}
