package io.github.kcauth0.ops;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator sees: the extension's meters in Keycloak's /metrics, and a log line per rejection. */
class OperationsIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private final Auth0Domain domain = new Auth0Domain(server, TestRealms.PAR_IT);

    @Test
    void metricsCountRequestsByRealmAndOutcome() {
        double successes = meter("auth0_par_requests_total", "endpoint=\"par\",outcome=\"success\",realm=\"par-it\"");
        double invalidClients = meter("auth0_par_requests_total", "endpoint=\"par\",outcome=\"invalid_client\",realm=\"par-it\"");
        double timed = meter("auth0_par_request_duration_seconds_count", "endpoint=\"par\",realm=\"par-it\"");

        domain.requestUri(Auth0Domain.validRequest());
        domain.requestUri(Auth0Domain.validRequest());
        Map<String, String> wrongSecret = Auth0Domain.validRequest();
        wrongSecret.put("client_secret", "wrong");
        assertEquals(401, domain.push(wrongSecret).statusCode());

        assertEquals(successes + 2, meter("auth0_par_requests_total", "endpoint=\"par\",outcome=\"success\",realm=\"par-it\""));
        assertEquals(invalidClients + 1, meter("auth0_par_requests_total", "endpoint=\"par\",outcome=\"invalid_client\",realm=\"par-it\""));
        assertEquals(timed + 3, meter("auth0_par_request_duration_seconds_count", "endpoint=\"par\",realm=\"par-it\""));
        assertTrue(meter("auth0_par_request_duration_seconds_sum", "endpoint=\"par\",realm=\"par-it\"") > 0);
    }

    @Test
    void rejectedRequestIsLoggedOnceWithoutItsSecret() {
        Map<String, String> form = Auth0Domain.validRequest();
        form.put("client_id", "other-app");
        form.put("client_secret", "s3cret-that-must-not-be-logged");

        assertEquals(401, domain.push(form).statusCode());

        String log = server.log();
        assertTrue(log.contains("par rejected: realm=par-it client=other-app status=401 error=invalid_client"), "rejection logged");
        assertFalse(log.contains("s3cret-that-must-not-be-logged"), "the secret is not logged");
    }

    @Test
    void clientIdWithALineBreakIsLoggedEscapedWithoutAForgedLine() {
        String forged = "forged-" + UUID.randomUUID() + " ERROR [io.github.kcauth0] client accepted";
        String clientId = "confidential-app\r\n" + forged;
        Map<String, String> push = Auth0Domain.validRequest();
        push.put("client_id", clientId);
        String basic = "Basic " + Base64.getEncoder().encodeToString((Http.urlEncode(clientId) + ":secret").getBytes());

        // in a body or HTTP Basic: rejected as it is read, before the client is known
        assertEquals(400, domain.push(push).statusCode());
        assertEquals(401, Http.postForm(domain.tokenUrl(), Http.form("grant_type", "authorization_code", "code", "x"),
                "Authorization", basic).statusCode());
        // in the query of /authorize (which takes CR and LF), whose rejection (a repeated state) is a page
        assertEquals(400, Http.get(domain.authorizeUrlWithQuery("client_id=" + Http.urlEncode(clientId) + "&state=a&state=b")).statusCode());

        String log = server.log();
        assertTrue(log.contains("authorize rejected: realm=par-it client=confidential-app\\r\\n" + forged + " status=400 error=invalid_request"),
                "escaped in the log line");
        assertTrue(log.lines().noneMatch(line -> line.startsWith(forged)), "no line of the request's own");
    }

    /** A sample's value in the Prometheus text of /metrics, 0 when the meter has no such sample yet. */
    private static double meter(String name, String labels) {
        HttpResponse<String> metrics = Http.get(server.managementUrl() + "/metrics");
        assertEquals(200, metrics.statusCode());
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels) + "[^}]*} (\\S+)$").matcher(metrics.body());
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }
}
