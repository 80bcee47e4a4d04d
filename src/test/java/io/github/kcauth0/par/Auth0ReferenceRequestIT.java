package io.github.kcauth0.par;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Auth0's reference request for POST /oauth/par, sent with curl exactly as printed, against the demo realm. */
class Auth0ReferenceRequestIT {

    private static final KeycloakServer server = KeycloakServer.get();

    @Test
    void referenceCurlWithOnlyTheDomainChangedIsCreated() throws Exception {
        String yourDomain = server.domain(TestRealms.DEMO);
        List<String> curl = List.of("curl", "--silent", "--include",
                "--request", "POST", "--url", yourDomain + "/oauth/par",
                "--header", "Authorization: Bearer <token>",
                "--header", "Content-Type: application/x-www-form-urlencoded",
                "--data", "client_id=YOUR_CLIENT_ID", "--data", "client_secret=YOUR_CLIENT_SECRET",
                "--data", "response_type=code",
                "--data", "redirect_uri=https://your-app.com/callback", "--data", "scope=openid profile email",
                "--data", "state=xyzABC123",
                "--data", "code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                "--data", "code_challenge_method=S256");

        String[] answer = run(curl).split("\r\n\r\n", 2);
        String head = answer[0].toLowerCase();
        Map<String, Object> body = Http.jsonMap(answer[1]);

        assertTrue(head.startsWith("http/1.1 201"), head);
        assertTrue(head.contains("content-type: application/json"), head);
        assertTrue(head.contains("cache-control: no-store"), head);
        assertEquals(List.of("request_uri", "expires_in"), List.copyOf(body.keySet()));
        assertTrue(((String) body.get("request_uri")).startsWith("urn:ietf:params:oauth:request_uri:"), body.toString());
        assertEquals(60, body.get("expires_in"), "the demo realm's PAR request URI lifespan");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException noCurl) {
            throw new AssertionError("This test sends Auth0's reference request with curl; install curl", noCurl);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "curl did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
