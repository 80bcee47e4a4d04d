package io.github.kcauth0.tenant;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kcauth0.support.Admin;
import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Chromium;
import io.github.kcauth0.support.Http;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin imports the test tenant file in the admin console's "Auth0 tenant import" tab, in a real (headless)
 * Chromium: a dry run that shows the report and writes nothing, then the import, after which the imported
 * application authenticates with its Auth0 secret, and no secret of the file is kept or echoed.
 */
class TenantImportConsoleIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final Admin admin = new Admin(server);
    private static final String REALM = "tenant-console-it";
    private static final String TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";
    private static final By FILE_INPUT = By.cssSelector("input[type='file']");
    private static final By DRY_RUN = By.cssSelector("input[data-testid='dryRun']");
    private static final By REPORT = By.cssSelector("textarea[data-testid='report']");
    private static final String WEB_APP = TenantImportIT.WEB_APP;
    private static final List<String> SECRETS = List.of(TenantImportIT.WEB_SECRET, TenantImportIT.M2M_SECRET,
            "GLOBAL-CLIENT-SECRET-never-in-a-report-1", "api-explorer-SECRET-0a1b2c3d4e5f6a7b8c", "GOCSPX-google-SECRET-abcdef");
    private static final List<String> REALMS = new ArrayList<>();
    private static WebDriver browser;
    private static Path files;

    @BeforeAll
    static void logIntoTheConsole() throws IOException {
        files = Files.createDirectories(Path.of(System.getProperty("keycloak.home")).resolveSibling("console-import"));
        browser = Chromium.inAdminConsole(server);
    }

    /** Also frees the organization ids the import took: Keycloak's are unique across realms, and TenantImportIT imports them too. */
    @AfterAll
    static void closeBrowserAndDeleteRealms() {
        if (browser != null) {
            browser.quit();
        }
        REALMS.forEach(realm -> admin.send("DELETE", "/" + realm, null));
    }

    @Test
    void dryRunShowsTheReportThenTheImportCreatesTheTenantAndKeepsNoSecret() throws IOException {
        createRealm(REALM);
        Path tenantFile = write("auth0-tenant.json", TenantImportIT.tenantFile().toString());
        String before = TenantImportIT.realmState(REALM);

        // dry run: on by default
        openTab(REALM);
        assertTrue(browser.findElement(DRY_RUN).isSelected(), "a dry run by default");
        upload(tenantFile);
        saveAndAwait("pf-m-success");
        openTab(REALM);
        String dryRunReport = report();
        assertTrue(dryRunReport.startsWith("Dry run, nothing was written. The import would create"), dryRunReport);
        assertTrue(dryRunReport.contains("- client " + WEB_APP + "\n"), dryRunReport);
        assertEquals(before, TenantImportIT.realmState(REALM), "the dry run wrote nothing");
        assertTrue(admin.get("/" + REALM + "/clients?clientId=" + WEB_APP).isEmpty());

        // import
        upload(tenantFile);
        switchDryRunOff();
        saveAndAwait("pf-m-success");
        openTab(REALM);
        String importReport = report();
        assertTrue(importReport.startsWith("Imported. Created "), importReport);
        assertTrue(importReport.contains("- client " + WEB_APP + "\n"), importReport);
        assertTrue(browser.findElement(DRY_RUN).isSelected(), "the next upload starts with a dry run again");
        Files.write(Path.of(System.getProperty("keycloak.home")).resolveSibling("tenant-import-tab.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // the imported application authenticates with its Auth0 secret, and only with it
        assertEquals(201, push(TenantImportIT.WEB_SECRET).statusCode());
        assertEquals(401, push("not-the-secret").statusCode());

        // no secret kept or echoed: the tab's stored config, the admin events of the saves and of the import
        JsonNode tab = storedTab(REALM);
        assertFalse(tab.get("config").has(TenantImportTab.FILE), "the file is not stored: " + tab.get("config"));
        JsonNode events = admin.get("/" + REALM + "/admin-events?max=100");
        List<JsonNode> saves = componentSaves(events);
        assertEquals(2, saves.size(), "the dry run's and the import's saves are recorded: " + events);
        saves.forEach(save -> assertEquals("[\"**********\"]", save.get("config").get(TenantImportTab.FILE).toString(),
                "Keycloak masks the file in the event of the save"));
        assertTrue(events.toString().contains(TenantImport.EVENT_PATH), "the import is recorded: " + events);
        for (String secret : SECRETS) {
            assertFalse(tab.toString().contains(secret), "the stored tab holds a secret");
            assertFalse(events.toString().contains(secret), "an admin event holds a secret");
            assertFalse(dryRunReport.contains(secret) || importReport.contains(secret), "a report holds a secret");
        }
    }

    @Test
    void anInvalidFileShowsTheImportsMessageAndWritesNothing() throws IOException {
        String realm = REALM + "-invalid";
        createRealm(realm);
        ObjectNode invalid = TenantImportIT.tenantFile();
        ((ObjectNode) invalid.get("connections").get(3).get("options")).put("signInEndpoint", 42);
        String before = TenantImportIT.realmState(realm);
        openTab(realm);
        upload(write("auth0-tenant.json", TenantImportIT.tenantFile().toString()));
        saveAndAwait("pf-m-success");
        openTab(realm);
        String dryRunReport = report();

        upload(write("invalid-tenant.json", invalid.toString()));
        switchDryRunOff();
        String alert = saveAndAwait("pf-m-danger");

        assertTrue(alert.contains("Invalid tenant file: connections[3] (name \"corp-saml\") field signInEndpoint must be a string"), alert);
        assertEquals(before, TenantImportIT.realmState(realm));
        JsonNode tab = storedTab(realm);
        assertFalse(tab.get("config").has(TenantImportTab.FILE), "the refused file is not kept: " + tab.get("config"));
        assertEquals(dryRunReport, tab.get("config").get(TenantImportTab.REPORT).get(0).asText(), "the last report stays");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimit() throws IOException {
        String realm = REALM + "-large";
        createRealm(realm);
        String before = TenantImportIT.realmState(realm);

        openTab(realm);
        upload(write("large-tenant.json", "{\"clients\": [], \"padding\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}"));
        String alert = saveAndAwait("pf-m-danger");

        assertTrue(alert.contains("The tenant file is larger than 5242880 bytes"), alert);
        assertEquals(before, TenantImportIT.realmState(realm));
    }

    /** The console's save is the component endpoint's; an admin who may not import is refused there as at /auth0/import. */
    @Test
    void aRealmManagerWithoutManageClientsIsRefused() {
        String realm = REALM + "-access";
        createRealm(realm);
        String before = TenantImportIT.realmState(realm);
        String token = realmManagerToken(realm);
        ObjectNode save = Http.JSON.createObjectNode().put("name", TenantImportTab.ID).put("providerId", TenantImportTab.ID)
                .put("providerType", TAB_TYPE).put("parentId", admin.get("/" + realm).get("id").asText());
        save.putObject("config").putArray(TenantImportTab.FILE).add(TenantImportIT.tenantFile().toString());
        save.with("config").putArray(TenantImportTab.DRY_RUN).add("false");

        HttpResponse<String> refused = Http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms/" + realm + "/components"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(save.toString())).build());

        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(before, TenantImportIT.realmState(realm));
        assertFalse(admin.get("/" + realm + "/components?type=" + TAB_TYPE).toString().contains(TenantImportTab.ID));
    }

    // ---- helpers

    private static void openTab(String realm) {
        browser.get(server.baseUrl() + "/admin/master/console/#/" + realm + "/realm-settings/auth0-tenant-import");
        browser.navigate().refresh();
        await().until(ExpectedConditions.presenceOfElementLocated(DRY_RUN));
    }

    private static void upload(Path file) {
        browser.findElement(FILE_INPUT).sendKeys(file.toAbsolutePath().toString());
        // the length only: reading a 5 MB value back through WebDriver takes longer than the read itself
        await().ignoring(ScriptTimeoutException.class).until(driver -> ((Long) ((JavascriptExecutor) driver)
                .executeScript("return document.querySelector('textarea#tenantFile').value.length")) > 0);
    }

    private static void switchDryRunOff() {
        browser.findElement(By.xpath("//input[@data-testid='dryRun']/ancestor::label")).click();
        assertFalse(browser.findElement(DRY_RUN).isSelected());
    }

    /** Saves the tab and answers the text of the alert of the given kind that the console shows. */
    private static String saveAndAwait(String alertKind) {
        browser.findElement(By.cssSelector("button[data-testid='save']")).click();
        return await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".pf-v5-c-alert." + alertKind))).getText();
    }

    private static String report() {
        await().until(driver -> !driver.findElement(REPORT).getAttribute("value").isEmpty());
        return browser.findElement(REPORT).getAttribute("value");
    }

    private static HttpResponse<String> push(String secret) {
        return new Auth0Domain(server, REALM).push(Http.form("client_id", WEB_APP, "client_secret", secret, "response_type", "code",
                "redirect_uri", TenantImportIT.CALLBACK, "scope", "openid", "code_challenge", TestRealms.CODE_CHALLENGE,
                "code_challenge_method", "S256"));
    }

    /** The representations the admin events of the tab's saves hold. */
    private static List<JsonNode> componentSaves(JsonNode events) throws IOException {
        List<JsonNode> saves = new ArrayList<>();
        for (JsonNode event : events) {
            if (event.get("resourceType").asText().equals("COMPONENT")) {
                saves.add(Http.JSON.readTree(event.get("representation").asText()));
            }
        }
        return saves;
    }

    private static JsonNode storedTab(String realm) {
        for (JsonNode component : admin.get("/" + realm + "/components?type=" + TAB_TYPE)) {
            if (component.get("providerId").asText().equals(TenantImportTab.ID)) {
                return component;
            }
        }
        throw new AssertionError("no stored tab in " + realm);
    }

    /** A user of the realm with manage-realm (enough to save a tab) but not manage-clients. */
    private static String realmManagerToken(String realm) {
        ObjectNode user = Http.JSON.createObjectNode().put("username", "realm-manager").put("enabled", true)
                .put("email", "realm-manager@example.com").put("emailVerified", true).put("firstName", "Realm").put("lastName", "Manager");
        user.putArray("credentials").addObject().put("type", "password").put("value", "manager-password").put("temporary", false);
        admin.post("/" + realm + "/users", user);
        String userId = admin.get("/" + realm + "/users?exact=true&username=realm-manager").get(0).get("id").asText();
        String realmManagement = admin.clientUuid(realm, "realm-management");
        ArrayNode roles = Http.JSON.createArrayNode().add(admin.get("/" + realm + "/clients/" + realmManagement + "/roles/manage-realm"));
        Admin.require(204, admin.send("POST", "/" + realm + "/users/" + userId + "/role-mappings/clients/" + realmManagement, roles));
        HttpResponse<String> token = Admin.require(200, Http.postForm(server.domain(realm) + "/protocol/openid-connect/token",
                Http.form("grant_type", "password", "client_id", "admin-cli", "username", "realm-manager", "password", "manager-password")));
        return Http.json(token).get("access_token").asText();
    }

    private static void createRealm(String realm) {
        TenantImportIT.createRealm(realm);
        REALMS.add(realm);
    }

    private static Path write(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content);
    }

    private static WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(120));
    }
}
