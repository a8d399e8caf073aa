package dev.gatehouse.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.qr.KeyUriQrCodes;
import dev.gatehouse.server.browser.HeadlessChromium;
import dev.gatehouse.server.console.ConsoleServer.Authenticator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed tutorials' walk in a real browser (Debian's Chromium, headless) against a real server
 * over real SQLite: sign up, see the dashboard ask for root MFA, assign a virtual device by reading
 * the secret key off the page and typing two consecutive codes, sign out, sign in with a code
 * (a wrong one refused, the same one refused when replayed); then the same for an IAM user whom
 * root created with a console password, until root's Users list shows MFA enabled for it. Each step's screenshot is kept under {@code target/screenshots/console-walk/}.
 *
 * <p>The codes are computed with gatehouse-otp at the server's clock, which the test moves on by
 * whole TOTP steps where a person would wait for the app to show a new code: MFA code 1 and MFA code 2
 * are the codes of steps t and t+1, each typed during its own step.
 */
class ConsoleWalkBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "console-walk");
    private static final String EMAIL = "owner@example.com";
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final String USER_PASSWORD = "Staple-Battery-Horse-4";
    private static final Duration STEP = Duration.ofSeconds(30);

    @TempDir
    Path data;

    ConsoleServer server;
    HeadlessChromium browser;
    WebDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void start() throws IOException {
        deleteOldScreenshots();
        server = new ConsoleServer(data);
        browser = HeadlessChromium.start(SCREENSHOTS);
        driver = browser.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void rootAndAnIamUserAssignVirtualMfaAndSignInWithIt() {
        // Sign up, then sign in as the new account's root user.
        open("/console/signup");
        type("email", EMAIL);
        type("password", PASSWORD);
        type("confirm", PASSWORD);
        type("alias", "walkers");
        browser.screenshot("sign-up");
        click(By.cssSelector("form[action='/console/signup'] button[type=submit]"));
        assertThat(text(".message.notice")).contains("is ready");
        String accountId = driver.findElement(By.id("account")).getAttribute("value");
        assertThat(accountId).matches("\\d{12}");

        signInAsRoot();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("IAM dashboard");
        assertThat(text(".recommendations")).contains("Add MFA for root user");
        browser.screenshot("dashboard-before-mfa");

        // Security credentials → Assign MFA device → authenticator app.
        Authenticator rootPhone = assignVirtualDevice("root-phone");
        signOut();

        // Signing in now asks for a code; a wrong one is refused, the right one signs in with MFA.
        server.clock.advance(STEP.multipliedBy(2));
        signInAsRoot();
        assertThat(driver.getCurrentUrl()).endsWith("/console/signin/mfa");
        assertThat(text("main")).contains("root-phone");
        browser.screenshot("sign-in-asks-for-code");
        enterCode(rootPhone.wrongCode());
        assertThat(text(".message.error")).contains("The code was not accepted");
        browser.screenshot("wrong-code-refused");
        String code = rootPhone.code(0);
        enterCode(code);
        assertLandedOnTheDashboard();
        assertThat(text(".recommendations")).contains("Root user has MFA").doesNotContain("Add MFA for root user");
        assertThat(text(".who")).contains("Signed in with MFA");
        browser.screenshot("dashboard-after-mfa");

        // Another browser session replays the code that was just used: refused.
        driver.manage().deleteAllCookies();
        signInAsRoot();
        enterCode(code);
        assertThat(driver.getCurrentUrl()).endsWith("/console/signin/mfa");
        assertThat(text(".message.error")).contains("The code was not accepted");
        browser.screenshot("same-code-refused");

        // Root, signed in with the next code, creates an IAM user with a console password.
        server.clock.advance(STEP);
        enterCode(rootPhone.code(0));
        assertLandedOnTheDashboard();
        click(By.cssSelector("nav.sections a[href='/console/users']"));
        click(By.cssSelector("a[href='/console/users/~new']"));
        type("username", "alice");
        driver.findElement(By.cssSelector("input[name=password-mode][value=custom]")).click();
        type("password", USER_PASSWORD);
        WebElement resetRequired = driver.findElement(By.name("require-reset"));
        if (resetRequired.isSelected()) {
            resetRequired.click();
        }
        browser.screenshot("create-user");
        click(By.cssSelector("form#create-user button[type=submit]"));
        assertThat(text("main")).contains("alice");
        click(By.cssSelector("nav.sections a[href='/console/users']"));
        assertThat(mfaColumnOf("alice")).isEqualTo("Not enabled");
        signOut();

        // The user signs in with the account ID, its name and password, and assigns its own device.
        signInAsUser(accountId, "alice");
        assertThat(driver.getCurrentUrl()).endsWith("/console/");
        assertThat(text(".recommendations")).contains("Add MFA for yourself");
        browser.screenshot("user-dashboard-before-mfa");
        Authenticator alicePhone = assignVirtualDevice("alice-phone");
        signOut();

        server.clock.advance(STEP.multipliedBy(2));
        signInAsUser(accountId, "alice");
        assertThat(driver.getCurrentUrl()).endsWith("/console/signin/mfa");
        enterCode(alicePhone.code(0));
        assertLandedOnTheDashboard();
        assertThat(text(".recommendations")).contains("You have MFA").doesNotContain("Add MFA for yourself");
        assertThat(text(".who")).contains("alice").contains("Signed in with MFA");
        browser.screenshot("user-dashboard-after-mfa");
        signOut();

        // Root's list of users now shows MFA enabled for the user.
        signInAsRoot();
        enterCode(rootPhone.code(0));
        assertLandedOnTheDashboard();
        click(By.cssSelector("nav.sections a[href='/console/users']"));
        assertThat(mfaColumnOf("alice")).isEqualTo("Enabled");
        browser.screenshot("users-mfa-enabled");
    }

    /** Fills in the root user's sign-in form with the account's e-mail and password and sends it. */
    private void signInAsRoot() {
        open("/console/signin");
        type("email", EMAIL);
        type("root-password", PASSWORD);
        click(By.cssSelector("form#root-signin button[type=submit]"));
    }

    /** Fills in the IAM user's sign-in form with the account ID, the user's name and password and sends it. */
    private void signInAsUser(String accountId, String userName) {
        open("/console/signin");
        type("account", accountId);
        type("username", userName);
        type("user-password", USER_PASSWORD);
        click(By.cssSelector("form#user-signin button[type=submit]"));
    }

    /** The MFA column of the user's row in the Users list. */
    private String mfaColumnOf(String userName) {
        return driver.findElement(By.xpath("//table[@id='users']//tr[th/a[normalize-space()='" + userName + "']]"
                + "/td[contains(@class,'mfa')]")).getText().strip();
    }

    /**
     * Walks the Assign MFA device wizard for an authenticator app: reads the secret key the page
     * shows (after checking the QR code carries the same one) and types the codes of the server's
     * current step and the next; returns the "app" that now holds the key.
     */
    private Authenticator assignVirtualDevice(String deviceName) {
        click(By.cssSelector("nav.sections a[href='/console/security-credentials']"));
        assertThat(text("#mfa-devices")).contains("No MFA devices");
        browser.screenshot("security-credentials");
        click(By.id("assign-mfa"));
        type("name", deviceName);
        driver.findElement(By.cssSelector("input[name=type][value=virtual]")).click();
        browser.screenshot("assign-mfa-choose-type");
        click(By.cssSelector("form[action='/console/security-credentials/mfa/assign'] button[type=submit]"));

        driver.findElement(By.cssSelector("details.qr summary")).click();
        WebElement qr = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qr-code")));
        browser.screenshot("assign-mfa-qr-code");
        driver.findElement(By.cssSelector("details.secret summary")).click();
        String secretKey = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret-key"))).getText().strip();
        assertThat(secretKey).matches("[A-Z2-7]{16,}=*");
        KeyUri scanned = new KeyUriQrCodes().read(Base64.getDecoder().decode(
                qr.getAttribute("src").substring("data:image/png;base64,".length())));
        assertThat(scanned.secret()).isEqualTo(OtpSecret.fromBase32(secretKey));
        browser.screenshot("assign-mfa-secret-key");

        Authenticator app = new Authenticator(deviceName, OtpSecret.fromBase32(secretKey), server.clock);
        // As a person does: the code shown now, then, once the app shows the next, that one (the
        // server's clock moves on a step instead of waiting). Both typed at step t would tell the server
        // that the device runs a step ahead, and a later code computed just before a step boundary
        // could then fall outside the sign-in's window.
        type("code1", app.code(0));
        server.clock.advance(STEP);
        type("code2", app.code(0));
        browser.screenshot("assign-mfa-codes");
        click(By.cssSelector("form#add-mfa button[type=submit]"));
        assertThat(text("#assigned")).contains("successfully assigned").contains(deviceName);
        assertThat(text("#mfa-devices")).contains(deviceName);
        browser.screenshot("assign-mfa-success");
        return app;
    }

    private void enterCode(String code) {
        type("code", code);
        click(By.cssSelector("form[action='/console/signin/mfa'] button[type=submit]"));
    }

    /** The code was accepted: the browser is on the dashboard (and if not, the page says why). */
    private void assertLandedOnTheDashboard() {
        assertThat(driver.getCurrentUrl()).as(() -> "the page instead says: " + text("main")).endsWith("/console/");
    }

    private void signOut() {
        click(By.cssSelector("header form.signout button[type=submit]"));
        assertThat(text(".message.notice")).contains("You have signed out");
        browser.screenshot("signed-out");
    }

    private void open(String path) {
        driver.get(server.baseUri().resolve(path).toString());
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String text(String selector) {
        return driver.findElement(By.cssSelector(selector)).getText();
    }

    /** Clicks a link or a form's button that loads another page, and waits until the new page has replaced this one. */
    private void click(By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        wait.until(ready -> replaced(page));
        wait.until(ready -> "complete".equals(((JavascriptExecutor) ready)
                .executeScript("return document.readyState")));
    }

    /** Whether {@code element}'s document has been replaced by another. */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException detached) {
            // Caught in the middle of a navigation, Chromium may name the old document's node as no
            // longer in the document rather than as stale: the same fact.
            if (String.valueOf(detached.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw detached;
        }
    }

    private static void deleteOldScreenshots() throws IOException {
        if (Files.isDirectory(SCREENSHOTS)) {
            try (Stream<Path> old = Files.walk(SCREENSHOTS)) {
                old.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(SCREENSHOTS)).forEach(path -> path.toFile().delete());
            }
        }
    }
}
