package io.github.kcauth0.sdk;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.Chromium;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.NodeScript;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static io.github.kcauth0.support.TestRealms.API;
import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Applications on discovery-based libraries, as Auth0's newer SDKs are, given only the domain
 * {@code https://localhost:{httpsPort}/realms/par-it}: they read its {@code .well-known/openid-configuration}
 * and must reach the endpoints where Auth0's parameters ({@code audience}) work. The scripts are
 * {@code src/test/node/openid-client.mjs} and {@code express-openid-connect-app.mjs}.
 */
class DiscoveryClientsIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final String DOMAIN = server.httpsDomain(TestRealms.PAR_IT);
    private static final String CLIENT_ID = "discovery-app";
    private static final String CLIENT_SECRET = "discovery-secret";

    /** openid-client 6.x: discovery, PAR with {@code audience}, login, code grant with its ID token checks, userinfo. */
    @Test
    void openIdClientPushesWithAnAudienceLogsInAndReadsTheProfile() {
        Map<String, String> config = Map.of("domain", DOMAIN, "clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET,
                "redirectUri", CALLBACK, "audience", API);
        JsonNode result;
        try (NodeScript openIdClient = NodeScript.start(server, "openid-client.mjs", config)) {
            URI callback = new Browser(server).login(openIdClient.read("authorize").asText(), "alice", "alice-password");
            openIdClient.write("callback", callback.toString());
            result = openIdClient.result();
        }

        assertEquals("https://" + DOMAIN + "/oauth/par", result.get("metadata").get("pushed_authorization_request_endpoint").asText());
        assertTrue(audiences(result.get("accessToken").get("aud")).contains(API), "the access token is for " + API + ": " + result.get("accessToken"));
        assertEquals(result.get("idToken").get("sub"), result.get("userinfo").get("sub"));
        assertEquals("alice@example.com", result.get("userinfo").get("email").asText());
    }

    /**
     * express-openid-connect 3.x with {@code pushedAuthorizationRequests} and an {@code audience}, in a real
     * browser: the app's access token is for the API; its {@code /logout} signs the user out of the app and of
     * Keycloak.
     */
    @Test
    void expressOpenIdConnectAppLogsInWithTheAudienceAndLogsOut() {
        Map<String, String> config = Map.of("domain", DOMAIN, "clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET, "audience", API);
        try (NodeScript app = NodeScript.start(server, "express-openid-connect-app.mjs", config)) {
            String appUrl = app.read("app").asText();
            register(appUrl);
            WebDriver chromium = Chromium.start();
            try {
                // login
                chromium.get(appUrl + "/api-token");
                logInOnKeycloaksForm(chromium);
                awaitPage(chromium, appUrl + "/api-token");
                JsonNode token = json(chromium);
                assertEquals("alice", token.get("user").asText());
                // only Auth0's /oauth/par maps audience: Keycloak's own PAR endpoint would ignore it
                assertTrue(audiences(token.get("audience")).contains(API), "the app's access token is for " + API + ": " + token);

                // logout
                chromium.get(appUrl + "/logout");
                awaitPage(chromium, appUrl + "/");
                assertFalse(json(chromium).get("authenticated").asBoolean(), "signed out of the app");
                chromium.get(appUrl + "/api-token");
                await(chromium).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
                assertTrue(chromium.getCurrentUrl().startsWith("https://localhost:"), "Keycloak asks to log in again: " + chromium.getCurrentUrl());
            } finally {
                chromium.quit();
            }
            app.write("stop", "");
        }
    }

    /** The app's callback and its signed-out page, now that its port is known. */
    private static void register(String appUrl) {
        ObjectNode changes = Http.JSON.createObjectNode();
        changes.putArray("redirectUris").add(CALLBACK).add(appUrl + "/callback");
        changes.putObject("attributes").put("post.logout.redirect.uris", appUrl + "##" + appUrl + "/");
        new Admin(server).updateClient(TestRealms.PAR_IT, CLIENT_ID, changes);
    }

    /** Keycloak's login form; in a realm with organizations, it asks for the username first, then the password. */
    private static void logInOnKeycloaksForm(WebDriver chromium) {
        await(chromium).until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys("alice");
        List<WebElement> password = chromium.findElements(By.id("password"));
        boolean passwordOnFirstPage = !password.isEmpty() && password.get(0).isDisplayed();
        if (passwordOnFirstPage) {
            password.get(0).sendKeys("alice-password");
        }
        chromium.findElement(By.id("kc-login")).click();
        if (!passwordOnFirstPage) {
            await(chromium).until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys("alice-password");
            chromium.findElement(By.id("kc-login")).click();
        }
    }

    private static void awaitPage(WebDriver chromium, String url) {
        ExpectedCondition<Boolean> there = ExpectedConditions.urlToBe(url);
        try {
            await(chromium).until(there);
        } catch (TimeoutException e) {
            throw new AssertionError("Expected " + url + ", the browser is at " + chromium.getCurrentUrl() + ":\n"
                    + chromium.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** The JSON the app's route answered, as the browser shows it. */
    private static JsonNode json(WebDriver chromium) {
        List<WebElement> pre = chromium.findElements(By.tagName("pre"));
        String text = pre.isEmpty() ? chromium.findElement(By.tagName("body")).getText() : pre.get(0).getText();
        try {
            return Http.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("Not JSON at " + chromium.getCurrentUrl() + ": " + text, e);
        }
    }

    /** A token's {@code aud}: one string or an array of them. */
    private static List<String> audiences(JsonNode aud) {
        List<String> audiences = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(audience -> audiences.add(audience.asText()));
        } else {
            audiences.add(aud.asText());
        }
        return audiences;
    }

    private static WebDriverWait await(WebDriver chromium) {
        return new WebDriverWait(chromium, Duration.ofSeconds(60));
    }
}
