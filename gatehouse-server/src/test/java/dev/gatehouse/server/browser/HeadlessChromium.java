package dev.gatehouse.server.browser;

import dev.gatehouse.testing.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: the real browser the console
 * tests use. Both executables are named explicitly, so Selenium Manager never tries to download a
 * browser or a driver (this machine's network would refuse it). Where they are missing the test
 * is skipped with a loud message, or fails under {@code CI=true} (apt-get install chromium
 * chromium-driver; {@code .ci/run} does).
 *
 * <p>Each instance is a fresh browser profile: no cookies, no cache, nothing from another test.
 */
public final class HeadlessChromium implements AutoCloseable {

    // Selenium warns on every start that it has no DevTools bindings for this Chromium; the tests
    // use WebDriver only. Held in a field because java.util.logging keeps loggers weakly.
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.OFF);
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private int shots;

    private HeadlessChromium(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /**
     * Starts a browser whose screenshots go to {@code screenshots} (created if absent).
     */
    public static HeadlessChromium start(Path screenshots) {
        Path chromium = ExternalTool.require("chromium", "chromium");
        Path chromedriver = ExternalTool.require("chromedriver", "chromium-driver");
        try {
            Files.createDirectories(screenshots);
            Path profile = Files.createTempDirectory("gatehouse-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments(
                    "--headless=new",
                    // The tests run as root in CI, where Chromium's sandbox cannot start.
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    // Without these Chromium keeps dialling Google's hosts, which this machine's
                    // closed network refuses, many connections at a time.
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-quic",
                    "--no-first-run",
                    "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new HeadlessChromium(driver, profile, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Saves what the browser shows now as {@code NN-name.png}, numbered in the order taken, so the
     * files read as the steps of the walk; returns the file.
     */
    public Path screenshot(String name) {
        Path taken = driver.getScreenshotAs(OutputType.FILE).toPath();
        Path target = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
        try {
            Files.move(taken, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteRecursively(profile);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless; the browser has already quit.
        }
    }
}
