package io.github.kcauth0.mtls;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.ClientCertificates;
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
 * Mutual TLS (RFC 8705) through Auth0's endpoints with Keycloak terminating TLS ({@code --https-client-auth=request}):
 * {@code tls_client_auth} (Keycloak's {@code client-x509}, by subject DN) and {@code self_signed_tls_client_auth}
 * (this jar's {@code client-self-signed-x509}), with certificate-bound tokens; the client is oauth4webapi over Node's
 * https client with TLS client certificates ({@code src/test/node/mtls.mjs}).
 */
class MtlsIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final Admin admin = new Admin(server);
    private static final String REALM = "mtls-it";
    private static final String DOMAIN = server.httpsDomain(REALM);

    @BeforeAll
    static void createRealm() {
        if (admin.send("GET", "/" + REALM, null).statusCode() == 200) {
            return;
        }
        ObjectNode realm = Http.JSON.createObjectNode().put("realm", REALM).put("enabled", true);
        realm.putObject("attributes").put("auth0-par.enabled", "true");
        ObjectNode byDn = client("mtls-app", "client-x509");
        ((ObjectNode) byDn.get("attributes")).put("x509.subjectdn", ClientCertificates.subject("mtls-app"))
                .put("x509.allow.regex.pattern.comparison", "false");
        ObjectNode selfSigned = client("self-signed-app", SelfSignedTlsClientAuthenticatorFactory.PROVIDER_ID);
        ((ObjectNode) selfSigned.get("attributes")).put("jwt.credential.certificate", ClientCertificates.base64Der("self-signed-app"));
        realm.putArray("clients").add(byDn).add(selfSigned);
        TestRealms.addUser(realm, "alice");
        admin.post("", realm);
        addSelfSignedAuthenticatorToClientFlow();
    }

    private static ObjectNode client(String clientId, String authenticator) {
        ObjectNode client = Http.JSON.createObjectNode().put("clientId", clientId).put("clientAuthenticatorType", authenticator);
        client.putArray("redirectUris").add(CALLBACK);
        client.putObject("attributes").put("tls.client.certificate.bound.access.tokens", "true");
        return client;
    }

    /**
     * What an administrator does once per realm: Keycloak's built-in {@code clients} flow cannot be changed, so it is
     * duplicated, the authenticator added to the copy as an alternative, and the copy bound as the realm's client
     * authentication flow.
     */
    private static void addSelfSignedAuthenticatorToClientFlow() {
        String flow = "clients-with-self-signed-certificates";
        admin.post("/" + REALM + "/authentication/flows/clients/copy", Http.JSON.createObjectNode().put("newName", flow));
        admin.post("/" + REALM + "/authentication/flows/" + flow + "/executions/execution",
                Http.JSON.createObjectNode().put("provider", SelfSignedTlsClientAuthenticatorFactory.PROVIDER_ID));
        for (JsonNode execution : admin.get("/" + REALM + "/authentication/flows/" + flow + "/executions")) {
            if (SelfSignedTlsClientAuthenticatorFactory.PROVIDER_ID.equals(execution.path("providerId").asText())) {
                admin.put("/" + REALM + "/authentication/flows/" + flow + "/executions",
                        ((ObjectNode) execution.deepCopy()).put("requirement", "ALTERNATIVE"));
            }
        }
        admin.updateRealm(REALM, Http.JSON.createObjectNode().put("clientAuthenticationFlow", flow));
    }

    @Test
    void certificateAuthenticatedLoginsWithCertificateBoundTokens() {
        ObjectNode certificates = Http.JSON.createObjectNode();
        for (String name : new String[] {"mtls-app", "mtls-other", "self-signed-app", "self-signed-other"}) {
            ClientCertificates.Pem pem = ClientCertificates.pem(name);
            certificates.putObject(name).put("certificate", pem.certificate().toString()).put("key", pem.key().toString());
        }
        JsonNode result;
        try (NodeScript script = NodeScript.start(server, "mtls.mjs", Map.of("domain", DOMAIN, "redirectUri", CALLBACK,
                "certificates", certificates))) {
            for (int login = 0; login < 2; login++) {
                script.write("callback", logIn(script.read("authorize").asText()).toString());
            }
            result = script.result();
        }

        for (String client : new String[] {"mtls-app", "self-signed-app"}) {
            JsonNode outcome = result.get(client);
            String thumbprint = ClientCertificates.thumbprint(client);
            // /oauth/par: only the client's own certificate authenticates it
            assertInvalidClient(outcome.get("parWithOtherCertificate"));
            assertInvalidClient(outcome.get("parWithoutCertificate"));
            // /oauth/token: the access token is bound to the certificate
            assertEquals(thumbprint, outcome.get("accessToken").get("cnf").get("x5t#S256").asText(), client + ": " + outcome);
            // /userinfo: over a connection with that certificate only
            assertEquals("alice@example.com", outcome.get("userinfo").get("email").asText());
            assertInvalidToken(outcome.get("userinfoWithoutCertificate"));
            assertInvalidToken(outcome.get("userinfoWithOtherCertificate"));
            // refresh: another certificate is another client; with its own, the new token is bound again
            assertInvalidClient(outcome.get("refreshWithOtherCertificate"));
            assertEquals(thumbprint, outcome.get("refreshedAccessToken").get("cnf").get("x5t#S256").asText());
            assertEquals("alice@example.com", outcome.get("refreshedUserinfo").get("email").asText());
        }
    }

    /**
     * Behind a proxy that forwards the certificate as Auth0's edge does ({@code client-certificate},
     * {@code client-certificate-ca-verified}), with the test server's lookup set to this jar's {@code auth0} and
     * {@code --proxy-trusted-addresses=127.0.0.1,::1}: the script calls Keycloak's HTTP port as the proxy from
     * 127.0.0.1, and as an attacker from 127.0.0.2 with the same headers.
     */
    @Test
    void certificateForwardedByTheTrustedProxyOnly() throws IOException {
        ObjectNode certificates = Http.JSON.createObjectNode();
        for (String name : new String[] {"mtls-app", "self-signed-app"}) {
            certificates.put(name, Files.readString(ClientCertificates.pem(name).certificate()));
        }
        String domain = URI.create(server.baseUrl()).getAuthority() + "/realms/" + REALM;
        JsonNode result;
        try (NodeScript script = NodeScript.start(server, "mtls-proxy.mjs", Map.of("domain", domain, "redirectUri", CALLBACK,
                "certificates", certificates))) {
            script.write("callback", logIn(script.read("authorize").asText()).toString());
            result = script.result();
        }

        // tls_client_auth: a certificate the proxy verified, from the proxy; not one it did not verify, nor from elsewhere
        assertEquals(201, result.get("verifiedFromProxy").get("status").asInt(), result.toString());
        assertInvalidClient(result.get("unverifiedFromProxy"));
        assertInvalidClient(result.get("verifiedFromElsewhere"));
        // self_signed_tls_client_auth through the proxy, with a token bound to the forwarded certificate
        assertInvalidClient(result.get("selfSignedFromElsewhere"));
        assertEquals(ClientCertificates.thumbprint("self-signed-app"), result.get("accessToken").get("cnf").get("x5t#S256").asText());
        assertEquals("alice@example.com", result.get("userinfo").get("email").asText());
        assertInvalidToken(result.get("userinfoFromElsewhere"));
    }

    @Test
    void discoveryListsBothCertificateMethodsAndPushesToAuth0sEndpoint() {
        JsonNode document = Http.json(Http.get("https://" + DOMAIN + "/.well-known/openid-configuration"));
        assertTrue(document.get("token_endpoint_auth_methods_supported").toString().contains("\"tls_client_auth\""), document.toString());
        assertTrue(document.get("token_endpoint_auth_methods_supported").toString().contains("\"self_signed_tls_client_auth\""), document.toString());
        assertTrue(document.get("tls_client_certificate_bound_access_tokens").asBoolean());
        assertEquals("https://" + DOMAIN + "/oauth/par",
                document.get("mtls_endpoint_aliases").get("pushed_authorization_request_endpoint").asText());
    }

    private static URI logIn(String authorizationUrl) {
        URI callback = new Browser(server).login(authorizationUrl, "alice", "alice-password");
        assertTrue(callback.toString().startsWith(CALLBACK) && callback.getQuery().contains("code="), callback.toString());
        return callback;
    }

    private static void assertInvalidClient(JsonNode refusal) {
        assertEquals(401, refusal.get("status").asInt(), refusal.toString());
        assertEquals("invalid_client", refusal.get("body").get("error").asText(), refusal.toString());
    }

    private static void assertInvalidToken(JsonNode refusal) {
        assertEquals(401, refusal.get("status").asInt(), refusal.toString());
        assertTrue(refusal.get("wwwAuthenticate").asText().contains("error=\"invalid_token\""), refusal.toString());
    }
}
