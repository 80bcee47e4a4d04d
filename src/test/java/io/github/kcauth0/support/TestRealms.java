package io.github.kcauth0.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realms the tests use. {@code demo} is the README demo's realm file, imported at start-up. {@code par-it}
 * has the demo realm's settings and client scopes, and clients for every authentication method and error case.
 */
public final class TestRealms {

    public static final String DEMO = "demo";
    public static final String PAR_IT = "par-it";

    public static final String CALLBACK = "https://app.example.com/callback";
    public static final String API = "https://api.example.com";
    public static final String OTHER_API = "https://other-api.example.com";

    public static final String ORGANIZATION_NAME = "Acme Corp";
    public static final String ORGANIZATION_ALIAS = "acme";

    /** RFC 7636 Appendix B. */
    public static final String CODE_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    public static final String CODE_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private TestRealms() {
    }

    /** What Keycloak does for a client created alone; a realm import leaves the client's scopes as given. */
    private static void withRealmDefaultScopes(ObjectNode realm, ObjectNode client) {
        client.set("defaultClientScopes", realm.get("defaultDefaultClientScopes"));
        ArrayNode optional = realm.get("defaultOptionalClientScopes").deepCopy();
        if (client.has("optionalClientScopes")) {
            optional.addAll((ArrayNode) client.get("optionalClientScopes"));
        }
        client.set("optionalClientScopes", optional);
    }

    /** Organization "Acme Corp", alias {@code acme}, with alice as a member. */
    private static void createOrganization(Admin admin) {
        ObjectNode organization = Http.JSON.createObjectNode().put("name", ORGANIZATION_NAME).put("alias", ORGANIZATION_ALIAS);
        organization.putArray("domains").addObject().put("name", "acme.example");
        admin.post("/" + PAR_IT + "/organizations", organization);
        String organizationId = admin.get("/" + PAR_IT + "/organizations?search=" + ORGANIZATION_ALIAS).get(0).get("id").asText();
        String aliceId = admin.get("/" + PAR_IT + "/users?username=alice&exact=true").get(0).get("id").asText();
        admin.post("/" + PAR_IT + "/organizations/" + organizationId + "/members", "\"" + aliceId + "\"");
    }

    static void createParIt(Admin admin) {
        try (InputStream parIt = TestRealms.class.getResourceAsStream("/realms/par-it-realm.json")) {
            ObjectNode realm = (ObjectNode) Http.JSON.readTree(Path.of(System.getProperty("demo.realm")).toFile());
            ObjectNode changes = (ObjectNode) Http.JSON.readTree(parIt);
            ((ArrayNode) realm.get("clientScopes")).addAll((ArrayNode) changes.remove("clientScopes"));
            realm.setAll(changes);
            realm.get("clients").forEach(client -> withRealmDefaultScopes(realm, (ObjectNode) client));
            admin.post("", realm);
            createOrganization(admin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user of a realm representation, who signs in with {@code {username}-password} and has a verified e-mail. */
    public static void addUser(ObjectNode realm, String username) {
        ObjectNode user = realm.withArray("users").addObject().put("username", username).put("enabled", true)
                .put("email", username + "@example.com").put("emailVerified", true)
                .put("firstName", username).put("lastName", "Example");
        user.putArray("credentials").addObject().put("type", "password").put("value", username + "-password").put("temporary", false);
    }
}
