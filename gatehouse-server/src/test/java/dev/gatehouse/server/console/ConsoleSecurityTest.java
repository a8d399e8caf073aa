package dev.gatehouse.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.account.Account;
import dev.gatehouse.server.console.ConsoleClient.Response;
import dev.gatehouse.server.console.ConsoleServer.Authenticator;
import dev.gatehouse.server.console.pages.SignUpPages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's session, cookie, CSRF and header model, checked over HTTP against a real server. */
class ConsoleSecurityTest extends ConsoleTestCase {

    @Test
    void aFormWithoutTheRightCsrfTokenIsRefused() {
        HtmlForm signIn = browser.get("/console/signin").form("form#root-signin").set("email", ConsoleServer.ROOT_EMAIL)
                .set("password", ConsoleServer.PASSWORD);
        String token = signIn.get("csrf");
        Response missing = browser.post(signIn.action(), Map.copyOf(signIn.remove("csrf").fields()));
        Response wrong = browser.submit(signIn.set("csrf", token.substring(1) + "A"));
        for (Response refused : List.of(missing, wrong)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text(".message.error")).isEqualTo(ConsoleRoutes.EXPIRED_FORM);
            assertThat(browser.cookie(ConsoleCookies.SESSION)).as("nobody signed in").isEmpty();
        }

        ConsoleClient attacker = console.client();
        String attackersToken = attacker.get("/console/signin").form("form#root-signin").get("csrf");
        Response forged = browser.submit(signIn.set("csrf", attackersToken));
        assertThat(forged.status()).as("a token made for another browser's cookie").isEqualTo(403);

        Response accepted = browser.submit(signIn.set("csrf", token));
        assertThat(accepted.status()).isEqualTo(303);
        Response dashboard = browser.follow(accepted);
        String sessionToken = dashboard.form("form[action=/console/signout]").get("csrf");
        assertThat(sessionToken).as("the session has its own token").isNotEqualTo(token);
        Response signOutWithoutToken = browser.post("/console/signout", Map.of());
        Response signOutWithPreSessionToken = browser.post("/console/signout", Map.of("csrf", token));
        assertThat(signOutWithoutToken.status()).isEqualTo(403);
        assertThat(signOutWithPreSessionToken.status()).isEqualTo(403);
        assertThat(browser.get("/console/").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void cookiesAreHttpOnlyStrictScopedToTheConsoleAndNotSecureOverPlainHttp() {
        Response signInPage = browser.get("/console/signin");
        Response signedIn = browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD);
        for (String header : List.of(signInPage.setCookie(ConsoleCookies.FORM).orElseThrow(),
                signedIn.setCookie(ConsoleCookies.SESSION).orElseThrow())) {
            List<String> attributes = List.of(header.split(";\\s*"));
            assertThat(attributes).contains("Path=/console", "HttpOnly", "SameSite=Strict")
                    .noneMatch(attribute -> attribute.equalsIgnoreCase("Secure"))
                    .noneMatch(attribute -> attribute.startsWith("Max-Age") || attribute.startsWith("Domain"));
        }
        assertThat(browser.cookie(ConsoleCookies.SESSION).orElseThrow()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void everyConsoleResponseCarriesTheSecurityHeaders() {
        Response page = browser.get("/console/signin");
        Response redirect = browser.get("/console/");
        Response refused = browser.post("/console/signin", Map.of());
        Response asset = browser.get("/console/static/console.css");
        Response missing = browser.get("/console/static/../../etc/passwd");
        for (Response response : List.of(page, redirect, refused, asset, missing)) {
            assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'; img-src 'self' data:;"
                    + " script-src 'self'; style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
            assertThat(response.header("Referrer-Policy")).contains("no-referrer");
            assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.header("X-Frame-Options")).contains("DENY");
        }
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.header("Content-Type").orElseThrow().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Content-Type").orElseThrow().replace(" ", "")).isEqualTo("text/css;charset=utf-8");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(page.page().select("script:not([src]), style, [style]")).as("no inline script or style").isEmpty();
    }

    @Test
    void theSessionIdChangesAtSignInAfterMfaAndAtSignOutAndOldIdsOpenNothing() {
        Authenticator phone = console.enableVirtualMfa(account.root(), "root-phone");
        String planted = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        browser.setCookie(ConsoleCookies.SESSION, planted);

        browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD);
        String pending = browser.cookie(ConsoleCookies.SESSION).orElseThrow();
        assertThat(pending).isNotEqualTo(planted);

        browser.follow(browser.enterCode(phone.code(0), Optional.empty()));
        String authenticated = browser.cookie(ConsoleCookies.SESSION).orElseThrow();
        assertThat(authenticated).isNotEqualTo(pending);
        assertThat(browser.get("/console/").status()).isEqualTo(200);

        ConsoleClient old = console.client();
        old.setCookie(ConsoleCookies.SESSION, pending);
        assertThat(old.get("/console/signin/mfa").location()).as("the pending ID after MFA").isEqualTo("/console/signin");
        assertThat(old.get("/console/").location()).isEqualTo("/console/signin");

        Response signedOut = browser.signOut("/console/");
        assertThat(signedOut.setCookie(ConsoleCookies.SESSION).orElseThrow()).startsWith(ConsoleCookies.SESSION + "=;")
                .contains("Expires=Thu, 01 Jan 1970");
        assertThat(browser.cookie(ConsoleCookies.SESSION)).isEmpty();
        assertThat(browser.follow(signedOut).text(".message.notice")).isEqualTo("You have signed out.");
        ConsoleClient copy = console.client();
        copy.setCookie(ConsoleCookies.SESSION, authenticated);
        Response afterSignOut = copy.get("/console/");
        assertThat(afterSignOut.location()).as("the signed-out ID").isEqualTo("/console/signin");
        assertThat(afterSignOut.setCookie(ConsoleCookies.SESSION)).as("the stale cookie is cleared").isPresent();
    }

    @Test
    void aSessionEndsAfterFifteenIdleMinutes() {
        browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD);
        console.clock.advance(Duration.ofMinutes(14));
        assertThat(browser.get("/console/").status()).isEqualTo(200);
        console.clock.advance(Duration.ofMinutes(14));
        assertThat(browser.get("/console/").status()).as("a request keeps it alive").isEqualTo(200);
        console.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(browser.get("/console/").location()).isEqualTo("/console/signin");
        assertThat(sessionsOf(account)).as("the expired session was deleted, not just refused").isZero();
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverBusy() {
        browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD);
        for (int hour = 0; hour < 12 * 6 - 1; hour++) {
            console.clock.advance(Duration.ofMinutes(10));
            assertThat(browser.get("/console/").status()).isEqualTo(200);
        }
        console.clock.advance(Duration.ofMinutes(10));
        assertThat(browser.get("/console/").location()).isEqualTo("/console/signin");
    }

    @Test
    void expiredSessionsAreSweptWhenNewOnesStart() {
        browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD);
        console.clock.advance(Duration.ofHours(1));
        console.client().signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD);
        assertThat(sessionsOf(account)).as("only the new session remained").isEqualTo(1);
    }

    @Test
    void signUpTurnedOffShowsWhyAndRefusesTheForm() {
        console.close();
        console = new ConsoleServer(data.resolve("closed"), ConsoleSettings.DEFAULT.withSignUp(false));
        browser = console.client();

        Response page = browser.get("/console/signup");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text(".message.error")).contains(SignUpPages.DISABLED);
        assertThat(page.page().select("input[name=email]")).isEmpty();

        String token = browser.get("/console/signin").form("form#root-signin").get("csrf");
        Response refused = browser.post("/console/signup", Map.of("csrf", token, "email", "new@example.com",
                "password", "Correct-Horse-7", "confirm", "Correct-Horse-7", "alias", ""));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(console.services.accounts().listAccounts()).isEmpty();
    }

    /** How many console sessions the root user has in the store (ending them, which the test no longer needs). */
    private int sessionsOf(Account owner) {
        return console.services.store().inTransaction(session -> session.consoleSessions().deleteAllFor(owner.root()));
    }

    @Test
    void aBodyNoBrowserWouldSendGetsAConsolePageThatShowsNothingOfTheServersInsides() {
        signedInRoot();

        Response malformed = browser.postRaw("/console/security-credentials/access-keys/create", "csrf=%ZZ&understood=%");

        assertThat(malformed.status()).isBetween(400, 599);
        assertThat(malformed.header("Content-Type")).get().asString().startsWith("text/html");
        assertThat(malformed.header("Content-Security-Policy")).isPresent();
        assertThat(malformed.body()).contains("Back to the console").doesNotContain("Exception").doesNotContain("dev.gatehouse");
        assertThat(console.services.accessKeys().listAccessKeys(account.root())).isEmpty();
    }
}
