package io.github.kcauth0.support;

import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real browser: Debian's headless chromium and chromedriver, which ./test.sh installs; no download of its own. */
public final class Chromium {

    private Chromium() {
    }

    /** A fresh headless Chromium that accepts the test server's self-signed certificate ({@link TestTls}). */
    public static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.setAcceptInsecureCerts(true);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,900", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        return new ChromeDriver(driver, options);
    }

    /** A fresh Chromium logged into the test server's admin console as its administrator, the console loaded. */
    public static WebDriver inAdminConsole(KeycloakServer server) {
        WebDriver browser = start();
        WebDriverWait await = new WebDriverWait(browser, Duration.ofSeconds(120));
        browser.get(server.baseUrl() + "/admin/master/console/");
        await.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(KeycloakServer.ADMIN_USER);
        browser.findElement(By.id("password")).sendKeys(KeycloakServer.ADMIN_PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        await.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='currentRealm']")));
        return browser;
    }
}
