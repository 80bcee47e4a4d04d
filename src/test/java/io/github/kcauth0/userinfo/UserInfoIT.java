package io.github.kcauth0.userinfo;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Auth0's {@code {domain}/userinfo}, with the access token an application got from {@code {domain}/oauth/token}. */
class UserInfoIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private final Auth0Domain domain = new Auth0Domain(server, TestRealms.PAR_IT);
    private final String userInfoUrl = server.domain(TestRealms.PAR_IT) + "/userinfo";

    @Test
    void getAndPostWithTheAccessTokenAnswerTheUsersClaims() {
        String accessToken = domain.logIn(new Browser(server), "alice", "alice-password").get("access_token").asText();

        HttpResponse<String> get = Http.get(userInfoUrl, "Authorization", "Bearer " + accessToken);
        assertEquals(200, get.statusCode(), get.body());
        JsonNode claims = Http.json(get);
        assertEquals("alice", claims.get("preferred_username").asText());
        assertTrue(claims.hasNonNull("sub"));

        HttpResponse<String> post = Http.postForm(userInfoUrl, Http.form(), "Authorization", "Bearer " + accessToken);
        assertEquals(200, post.statusCode(), post.body());
        assertEquals(claims, Http.json(post));
    }

    @Test
    void missingOrForeignTokenIsUnauthorizedWithABearerChallenge() {
        HttpResponse<String> missing = Http.get(userInfoUrl);
        assertEquals(401, missing.statusCode(), missing.body());
        assertTrue(missing.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), missing.headers().toString());

        HttpResponse<String> foreign = Http.get(userInfoUrl, "Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        assertEquals(401, foreign.statusCode(), foreign.body());
        assertTrue(foreign.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"), foreign.headers().toString());

        // alg "none": Keycloak 26.4 and 26.5 answer their own userinfo's with a 500
        HttpResponse<String> unsigned = Http.get(userInfoUrl, "Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.");
        assertEquals(401, unsigned.statusCode(), unsigned.body());
        assertTrue(unsigned.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"), unsigned.headers().toString());
    }
}
