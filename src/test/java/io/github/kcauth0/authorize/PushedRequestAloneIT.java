package io.github.kcauth0.authorize;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.Jwt;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pushed request is the whole request: what whoever holds the /authorize link adds to its URL (prompt, nonce,
 * login_hint, ext-*) changes nothing, and the events of that request name what was ignored.
 */
class PushedRequestAloneIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private final Auth0Domain domain = new Auth0Domain(server, TestRealms.PAR_IT);
    private final Admin admin = new Admin(server);

    @Test
    void promptNoneAddedToTheLinkStillShowsTheLoginPage() {
        String requestUri = domain.requestUri(Auth0Domain.validRequest());

        HttpResponse<String> page = new Browser(server).open(domain.authorizeUrl(Http.form(
                "client_id", "confidential-app", "request_uri", requestUri, "prompt", "none")));

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(Browser.isLoginPage(page), "the login page, not a redirect with login_required: " + page.body());
    }

    @Test
    void nonceAddedToTheLinkDoesNotReachTheIdToken() {
        Map<String, String> withoutNonce = Auth0Domain.validRequest();
        withoutNonce.remove("nonce");
        String requestUri = domain.requestUri(withoutNonce);

        URI callback = new Browser(server).login(domain.authorizeUrl(Http.form("client_id", "confidential-app",
                "request_uri", requestUri, "nonce", "chosen-by-the-url", "ext-tenant", "chosen-by-the-url")), "alice", "alice-password");
        HttpResponse<String> tokens = domain.redeem("confidential-app", "confidential-secret", Auth0Domain.code(callback));

        assertEquals(200, tokens.statusCode(), tokens.body());
        Map<String, Object> idToken = Jwt.claims(Http.json(tokens).get("id_token").asText());
        assertNull(idToken.get("nonce"), "nonce of " + idToken);
        assertEquals("state-123", Browser.queryParameters(callback).get("state"));
    }

    @Test
    void theEventOfTheRequestNamesWhatTheLinkAddedAndWasIgnored() {
        int before = loginErrors().size();

        HttpResponse<String> page = new Browser(server).open(domain.authorizeUrl(Http.form("client_id", "confidential-app",
                "request_uri", "urn:ietf:params:oauth:request_uri:never-pushed", "prompt", "none", "login_hint", "mallory")));

        assertEquals(400, page.statusCode(), page.body());
        JsonNode errors = loginErrors();
        assertEquals(before + 1, errors.size(), errors.toString());
        assertEquals("login_hint prompt", errors.get(0).path("details").path(AuthorizeResource.IGNORED_PARAMETERS).asText(),
                errors.get(0).toString());
    }

    private JsonNode loginErrors() {
        return admin.get("/" + TestRealms.PAR_IT + "/events?type=LOGIN_ERROR&client=confidential-app&max=1000");
    }
}
