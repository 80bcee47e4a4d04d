package io.github.kcauth0.jar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class Auth0RequestObjectAudiencesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "https://id.example.com/realms/bank";

    @Test
    void auth0sFormBecomesTheIssuer() throws Exception {
        assertEquals(JSON.readTree("\"" + ISSUER + "\""), normalized("\"" + ISSUER + "/\""));
        assertEquals(JSON.readTree("[\"" + ISSUER + "\",\"https://other.example\"]"),
                normalized("[\"" + ISSUER + "/\",\"https://other.example\"]"));
    }

    @Test
    void anyOtherAudienceIsLeftToKeycloak() throws Exception {
        assertNull(normalized("\"" + ISSUER + "\""));
        assertNull(normalized("\"" + ISSUER + "//\""));
        assertNull(normalized("\"https://id.example.com/realms/bank2/\""));
        assertNull(normalized("[\"" + ISSUER + "\"]"));
        assertNull(normalized("42"));
        assertNull(Auth0RequestObjectAudiences.normalized(null, ISSUER));
    }

    private static JsonNode normalized(String audience) throws Exception {
        return Auth0RequestObjectAudiences.normalized(JSON.readTree(audience), ISSUER);
    }
}
