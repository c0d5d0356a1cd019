package io.sanctionsrisk.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through its chromedriver, both from fixed paths (e2e/suite/pom.xml): nothing is
 * downloaded, and a missing browser fails the test instead of skipping it.
 */
final class Browser implements AutoCloseable {

    final ChromeDriver driver;
    private final Path userDataDir;

    private Browser(ChromeDriver driver, Path userDataDir) {
        this.driver = driver;
        this.userDataDir = userDataDir;
    }

    /** Fails (never skips) when the browser or its driver is not installed. */
    static void requireInstalled() {
        for (String property : List.of("e2e.chromium", "e2e.chromedriver")) {
            Path binary = Path.of(Suite.required(property));
            if (!Files.isExecutable(binary)) {
                throw new AssertionError(binary + " is missing: the dashboard test needs Debian's chromium and"
                        + " chromium-driver (apt-get install -y chromium chromium-driver; .ci/run installs them)");
            }
        }
    }

    static Browser start(Path workDir) {
        requireInstalled();
        Path chromium = Path.of(Suite.required("e2e.chromium"));
        Path chromedriver = Path.of(Suite.required("e2e.chromedriver"));
        try {
            Files.createDirectories(workDir);
            Path userDataDir = Files.createTempDirectory(workDir, "chromium-profile-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments(
                    "--headless=new",
                    // CI runs as root, where chromium's sandbox cannot start
                    "--no-sandbox",
                    "--disable-dev-shm-usage",
                    "--disable-gpu",
                    "--no-first-run",
                    "--window-size=1400,2000",
                    "--user-data-dir=" + userDataDir);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort()
                    .withLogFile(workDir.resolve("chromedriver.log").toFile())
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, userDataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200));
    }

    /** The browser console so far (Chrome hands each entry out once). */
    List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** Keeps a screenshot and the page source for a look after the run. */
    void keepEvidence(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not keep the browser's evidence for " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(userDataDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover profile in target/ is harmless
            }
        }
    }
}
