package io.github.kcauth0.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Chromium;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An admin turns the extension on in the admin console, in a real (headless) Chromium, and it serves at once. */
class AdminConsoleIT {

    private static final String REALM = "console-it";
    private static final By ENABLED_SWITCH = By.cssSelector("input[data-testid='enabled']");
    private static final By RATE_LIMIT = By.cssSelector("input[data-testid='rateLimit']");
    private static final KeycloakServer server = KeycloakServer.get();
    private static final Admin admin = new Admin(server);
    private static WebDriver browser;

    @BeforeAll
    static void createRealmAndLogIntoTheConsole() {
        ObjectNode realm = Http.JSON.createObjectNode().put("realm", REALM).put("enabled", true);
        realm.putArray("clients").addObject().put("clientId", "app").put("secret", "app-secret")
                .putArray("redirectUris").add(CALLBACK);
        admin.post("", realm);

        browser = Chromium.inAdminConsole(server);
    }

    @AfterAll
    static void closeBrowserAndDeleteRealm() {
        if (browser != null) {
            browser.quit();
        }
        admin.send("DELETE", "/" + REALM, null);
    }

    @Test
    void switchingTheExtensionOnInTheConsoleServesTheEndpointAtOnce() throws IOException {
        openTab();
        assertFalse(browser.findElement(ENABLED_SWITCH).isSelected(), "off in a new realm");
        assertEquals(404, push().statusCode());

        toggleEnabledAndSave();

        assertEquals(201, push().statusCode(), "served as soon as the console saved");
        assertEquals("true", admin.get("/" + REALM).get("attributes").get("auth0-par.enabled").asText());
        openTab();
        assertTrue(browser.findElement(ENABLED_SWITCH).isSelected());
        Path screenshot = Path.of(System.getProperty("keycloak.home")).resolveSibling("admin-console-tab.png");
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void consoleShowsWhatTheAdminRestApiSet() {
        admin.setRealmAttribute(REALM, "auth0-par.enabled", "true");
        admin.setRealmAttribute(REALM, "auth0-par.rate-limit", "7");
        openTab();
        assertTrue(browser.findElement(ENABLED_SWITCH).isSelected());
        assertEquals("7", browser.findElement(RATE_LIMIT).getAttribute("value"));

        admin.setRealmAttribute(REALM, "auth0-par.enabled", "false");
        openTab();

        assertFalse(browser.findElement(ENABLED_SWITCH).isSelected());
        assertEquals(404, push().statusCode());
    }

    private static void openTab() {
        browser.get(server.baseUrl() + "/admin/master/console/#/" + REALM + "/realm-settings/auth0-par");
        browser.navigate().refresh();
        await().until(ExpectedConditions.presenceOfElementLocated(ENABLED_SWITCH));
    }

    private static void toggleEnabledAndSave() {
        WebElement toggle = browser.findElement(By.xpath("//input[@data-testid='enabled']/ancestor::label"));
        toggle.click();
        browser.findElement(By.cssSelector("button[data-testid='save']")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".pf-m-success")));
    }

    private static java.net.http.HttpResponse<String> push() {
        Map<String, String> form = Http.form("client_id", "app", "client_secret", "app-secret", "response_type", "code",
                "redirect_uri", CALLBACK, "scope", "openid");
        return new Auth0Domain(server, REALM).push(form);
    }

    private static WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }
}
