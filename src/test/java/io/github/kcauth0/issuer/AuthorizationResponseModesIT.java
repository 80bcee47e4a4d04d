package io.github.kcauth0.issuer;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import io.github.kcauth0.support.NodeScript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A login started at Auth0's /authorize answers with Auth0's issuer in the response modes a FAPI client uses besides
 * the query: JARM and form_post. oauth4webapi, configured with Auth0's endpoints and issuer, checks each response
 * (and the JARM response's signature, with the keys of Auth0's jwks.json) and the ID token of /oauth/token.
 */
class AuthorizationResponseModesIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final Admin admin = new Admin(server);
    private static final String REALM = "response-modes-it";
    private static final String DOMAIN = server.httpsDomain(REALM);
    private static final String APP = "response-modes-app";
    private static final String SECRET = "response-modes-secret";
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    @BeforeAll
    static void createRealm() {
        if (admin.send("GET", "/" + REALM, null).statusCode() == 200) {
            return;
        }
        ObjectNode realm = Http.JSON.createObjectNode().put("realm", REALM).put("enabled", true);
        realm.putObject("attributes").put("auth0-par.enabled", "true");
        ObjectNode client = realm.putArray("clients").addObject().put("clientId", APP).put("secret", SECRET);
        client.putArray("redirectUris").add(CALLBACK);
        client.putObject("attributes").put("authorization.signed.response.alg", "RS256");
        TestRealms.addUser(realm, "alice");
        admin.post("", realm);
    }

    @Test
    void jarmAndFormPostResponsesCarryAuth0sIssuerAndPassTheClientsChecks() {
        JsonNode result;
        try (NodeScript script = NodeScript.start(server, "response-modes.mjs", Map.of("domain", DOMAIN,
                "clientId", APP, "clientSecret", SECRET, "redirectUri", CALLBACK))) {
            URI jarmCallback = new Browser(server).login(script.read("authorize").asText(), "alice", "alice-password");
            assertTrue(jarmCallback.toString().startsWith(CALLBACK + "?response="), jarmCallback.toString());
            script.write("callback", jarmCallback.toString());

            script.write("posted", Http.encode(postedFields(script.read("authorize").asText())));
            result = script.result();
        }
        String auth0Issuer = "https://" + DOMAIN + "/";

        assertEquals(auth0Issuer, result.path("jarmResponse").path("iss").asText(), result.toString());
        assertEquals(APP, result.path("jarmResponse").path("aud").asText(), result.toString());
        assertEquals(auth0Issuer, result.path("jarmIdToken").path("iss").asText(), result.toString());
        assertEquals(auth0Issuer, result.path("formPostIss").asText(), result.toString());
        assertEquals(auth0Issuer, result.path("formPostIdToken").path("iss").asText(), result.toString());
    }

    /** The fields of Keycloak's form_post page, which the browser would post to the application. */
    private static Map<String, String> postedFields(String authorizationUrl) {
        Browser browser = new Browser(server);
        HttpResponse<String> page = browser.submitLoginForm(browser.open(authorizationUrl), "alice", "alice-password");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().toLowerCase(Locale.ROOT).contains("action=\"" + CALLBACK + "\""), page.body());
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page.body());
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&#x2f;", "/").replace("&#47;", "/").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
