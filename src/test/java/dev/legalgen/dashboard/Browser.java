package dev.legalgen.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium in headless mode through Debian's chromedriver (never a downloaded driver: Selenium Manager is not
 * asked), on a fresh profile. Absent, the tests skip saying so, unless {@code -Dlegalgen.test.browser.required=true}
 * (CI) makes that a failure.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final boolean REQUIRED = Boolean.getBoolean("legalgen.test.browser.required");
    /** Where the views' screenshots go: {@code -Dlegalgen.dashboard.screenshots=docs} refreshes the README's. */
    private static final Path SCREENSHOTS =
            Path.of(System.getProperty("legalgen.dashboard.screenshots", "target/dashboard-screenshots"));

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test when chromium or its driver is missing, unless CI requires them. */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String why = "the dashboard's browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                + CHROMEDRIVER + "): apt-get install chromium chromium-driver";
        if (REQUIRED) {
            assertThat(installed)
                    .as("legalgen.test.browser.required=true but " + why)
                    .isTrue();
        }
        Assumptions.assumeTrue(installed, "skipped: " + why);
    }

    static Browser open() {
        assumeInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("legalgen-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new Browser(service, new ChromeDriver(service, options), profile);
    }

    WebDriver driver() {
        return driver;
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    /** Waits (explicitly, no sleep) until {@code condition} holds, up to 30 s. */
    <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Clicks what {@code locator} finds once it is there, again if the page replaced it in between. */
    void click(By locator) {
        await(d -> {
            d.findElement(locator).click();
            return true;
        });
    }

    /** What the browser's console said at SEVERE (errors, failed loads) since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** A picture of one view of the page, for the README. */
    void screenshot(String view, WebElement element) {
        // a window as tall as the view, so that the picture has all of it (an element's is cut to the window)
        Dimension size = driver.manage().window().getSize();
        int height = Math.min(4000, Math.max(size.getHeight(), element.getRect().getHeight() + 200));
        driver.manage().window().setSize(new Dimension(size.getWidth(), height));
        try {
            Files.createDirectories(SCREENSHOTS);
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", element);
            File shot = element.getScreenshotAs(OutputType.FILE);
            Files.copy(
                    shot.toPath(),
                    SCREENSHOTS.resolve("dashboard-" + view + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a profile left in /tmp is harmless
        }
    }
}
