package dev.gatehouse.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.PasswordPolicy;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.server.console.ConsoleClient.Response;
import dev.gatehouse.server.console.ConsoleServer.Authenticator;
import dev.gatehouse.server.console.pages.SignInPages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-up, sign-in with and without MFA, the forced password change and sign-out, over HTTP. */
class ConsoleSignInTest {

    @TempDir
    Path data;

    ConsoleServer console;
    ConsoleClient browser;

    @BeforeEach
    void start() {
        console = new ConsoleServer(data);
        browser = console.client();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void aNewUserSignsUpSignsInAndPassesTheMfaStepToTheDashboard() {
        Response signUp = browser.submit(browser.get("/console/signup").form("form[action=/console/signup]")
                .set("email", "owner@example.com").set("password", "Correct-Horse-7").set("confirm", "Correct-Horse-7")
                .set("alias", "owners"));
        assertThat(signUp.status()).isEqualTo(303);
        Account account = console.services.accounts().resolve("owners");
        Response signInPage = browser.follow(signUp);
        assertThat(signInPage.text(".message.notice")).contains("Your account " + account.id() + " is ready");

        Response dashboard = browser.follow(browser.signInAsRoot("owner@example.com", "Correct-Horse-7"));
        assertThat(dashboard.text("h1")).isEqualTo("IAM dashboard");
        assertThat(dashboard.text(".recommendations")).contains("Add MFA for root user");
        assertThat(dashboard.text(".who")).contains("Root user (owner@example.com)").contains("owners (" + account.id() + ")")
                .doesNotContain("Signed in with MFA");

        Authenticator phone = console.enableVirtualMfa(account.root(), "owner-phone");
        browser.signOut("/console/");
        Response afterPassword = browser.signInAsRoot("owner@example.com", "Correct-Horse-7");
        assertThat(afterPassword.location()).isEqualTo("/console/signin/mfa");
        Response mfaPage = browser.follow(afterPassword);
        assertThat(mfaPage.text("form")).contains("owner-phone");

        Response wrong = browser.enterCode(phone.wrongCode(), Optional.empty());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.text(".message.error")).contains("The code was not accepted");
        assertThat(browser.get("/console/").location()).as("still owes a code").isEqualTo("/console/signin/mfa");

        String code = phone.code(0);
        Response signedIn = browser.follow(browser.enterCode(code, Optional.empty()));
        assertThat(signedIn.text("h1")).isEqualTo("IAM dashboard");
        assertThat(signedIn.text(".recommendations")).contains("Root user has MFA").doesNotContain("Add MFA for root user");
        assertThat(signedIn.text(".who")).contains("Signed in with MFA");

        List<AuditEvent> mfaSignIns = events(account, AuditAction.SIGN_IN_MFA);
        assertThat(mfaSignIns).extracting(AuditEvent::outcome).containsExactlyInAnyOrder(AuditOutcome.INVALID,
                AuditOutcome.SUCCESS);
        assertThat(mfaSignIns).filteredOn(event -> event.outcome() == AuditOutcome.SUCCESS).singleElement().satisfies(event -> {
            assertThat(event.mfaUsed()).isTrue();
            assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(event.detail()).contains(phone.serial());
        });

        browser.signOut("/console/");
        browser.signInAsRoot("owner@example.com", "Correct-Horse-7");
        Response replayed = browser.enterCode(code, Optional.empty());
        assertThat(replayed.status()).as("the same code a second time").isEqualTo(401);
        assertThat(replayed.text(".message.error")).isEqualTo(wrong.text(".message.error"));
        assertThat(events(account, AuditAction.MFA_VERIFICATION)).extracting(AuditEvent::outcome)
                .contains(AuditOutcome.INVALID, AuditOutcome.ACCEPTED, AuditOutcome.REPLAYED);
        assertThat(events(account, AuditAction.SIGN_OUT)).hasSize(2);
    }

    @Test
    void aWrongPasswordAndAnUnknownPrincipalGetTheSameAnswer() {
        Account account = console.createAccount("acme");
        console.createUser(account, "alice", false, false);

        Response wrongPassword = browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, "Wrong-Horse-1");
        Response unknownEmail = browser.signInAsRoot("nobody@example.com", ConsoleServer.PASSWORD);
        Response wrongUserPassword = browser.signInAsUser("acme", "alice", "Wrong-Horse-1");
        Response unknownUser = browser.signInAsUser("acme", "mallory", ConsoleServer.PASSWORD);
        Response unknownAccount = browser.signInAsUser("999999999999", "alice", ConsoleServer.PASSWORD);

        for (Response refused : List.of(wrongPassword, unknownEmail, wrongUserPassword, unknownUser, unknownAccount)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.text(".message.error")).isEqualTo("Error: " + SignInPages.WRONG_DETAILS);
            assertThat(refused.page().select("input[type=password]").eachAttr("value")).allMatch(String::isEmpty);
        }
        assertThat(browser.cookie(ConsoleCookies.SESSION)).isEmpty();
        assertThat(wrongPassword.page().selectFirst("#email").val()).as("what was typed stays").isEqualTo(ConsoleServer.ROOT_EMAIL);
    }

    @Test
    void anIamUserSignsInWithTheAccountAliasOrId() {
        Account account = console.createAccount("acme");
        console.createUser(account, "alice", false, false);

        Response byAlias = browser.follow(browser.signInAsUser("acme", "alice", ConsoleServer.PASSWORD));
        assertThat(byAlias.text(".who .principal")).isEqualTo("alice");
        browser.signOut("/console/");
        Response byId = browser.follow(browser.signInAsUser(account.id().value(), "ALICE", ConsoleServer.PASSWORD));
        assertThat(byId.text("h1")).isEqualTo("IAM dashboard");
    }

    @Test
    void aPrincipalWithSeveralDevicesChoosesOne() {
        Account account = console.createAccount("acme");
        IamUser alice = console.createUser(account, "alice", false, false);
        console.enableVirtualMfa(alice.principal(), "alice-phone");
        Authenticator tablet = console.enableVirtualMfa(alice.principal(), "alice-tablet");

        browser.signInAsUser("acme", "alice", ConsoleServer.PASSWORD);
        Response page = browser.get("/console/signin/mfa");
        assertThat(page.page().select("input[name=serial]").eachAttr("value")).hasSize(2).contains(tablet.serial());
        Response unchosen = browser.enterCode(tablet.code(0), Optional.empty());
        assertThat(unchosen.status()).isEqualTo(400);

        Response signedIn = browser.follow(browser.enterCode(tablet.code(0), Optional.of(tablet.serial())));
        assertThat(signedIn.text("h1")).isEqualTo("IAM dashboard");
        assertThat(events(account, AuditAction.SIGN_IN_MFA)).singleElement()
                .satisfies(event -> assertThat(event.detail()).contains(tablet.serial()));
    }

    @Test
    void repeatedWrongCodesAreThrottledAndThePageSaysWhenToTryAgain() {
        Account account = console.createAccount("acme");
        Authenticator phone = console.enableVirtualMfa(account.root(), "root-phone");
        browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD);

        // Ten wrong codes, each after the growing delay between attempts has passed: the tenth locks.
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(browser.enterCode(phone.wrongCode(), Optional.empty()).status()).as("attempt " + attempt).isEqualTo(401);
            console.clock.advance(Duration.ofSeconds(70));
        }
        Response locked = browser.enterCode(phone.code(0), Optional.empty());
        assertThat(locked.status()).as("even the right code waits").isEqualTo(429);
        assertThat(locked.text(".message.error")).matches("Error: Too many codes were not accepted\\. Try again after"
                + " \\d\\d:\\d\\d:\\d\\d UTC \\(in 14 minutes\\)\\.");

        console.clock.advance(Duration.ofMinutes(16));
        assertThat(browser.get("/console/").location()).as("the pending session idled out").isEqualTo("/console/signin");
        browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD);
        Response signedIn = browser.follow(browser.enterCode(phone.code(0), Optional.empty()));
        assertThat(signedIn.text("h1")).isEqualTo("IAM dashboard");
    }

    @Test
    void aUserWhosePasswordWasResetMustChangeItFirst() {
        Account account = console.createAccount("acme");
        console.createUser(account, "bob", false, true);

        Response afterPassword = browser.signInAsUser("acme", "bob", ConsoleServer.PASSWORD);
        assertThat(afterPassword.location()).isEqualTo("/console/change-password");
        assertThat(browser.get("/console/").location()).as("nothing else until it is changed")
                .isEqualTo("/console/change-password");

        Response page = browser.get("/console/change-password");
        assertThat(page.text(".message.notice")).contains("must be changed");
        Response mismatch = browser.submit(page.form("form[action=/console/change-password]").set("current", ConsoleServer.PASSWORD)
                .set("new", "Brand-New-Horse-3").set("confirm", "Brand-New-Horse-4"));
        assertThat(mismatch.status()).isEqualTo(400);
        Response changed = browser.submit(browser.get("/console/change-password").form("form[action=/console/change-password]")
                .set("current", ConsoleServer.PASSWORD).set("new", "Brand-New-Horse-3").set("confirm", "Brand-New-Horse-3"));
        assertThat(changed.location()).isEqualTo("/console/");
        assertThat(browser.follow(changed).text("h1")).isEqualTo("IAM dashboard");
        assertThat(events(account, AuditAction.PASSWORD_CHANGED)).hasSize(1);
    }

    @Test
    void aPasswordResetJustAfterTheUserChangedItSignsTheBrowserOut(@TempDir Path racingData) {
        AtomicReference<Runnable> beforeNextWrite = new AtomicReference<>();
        try (ConsoleServer racing = new ConsoleServer(racingData, ConsoleSettings.DEFAULT,
                store -> new BeforeNextWriteStore(store, beforeNextWrite))) {
            Account account = racing.createAccount("acme");
            IamUser bob = racing.createUser(account, "bob", false, true);
            // An administrator's reset commits after bob's change has, before the page renews bob's session.
            racing.services.audit().observe(event -> {
                if (event.action() == AuditAction.PASSWORD_CHANGED && event.detail().equals("by the principal")) {
                    beforeNextWrite.set(() -> racing.services.passwords().resetPassword(bob.principal(),
                            Password.of("Reset-Horse-Battery-4"), true, Origin.LOCAL));
                }
            });
            ConsoleClient racingBrowser = racing.client();
            racingBrowser.signInAsUser("acme", "bob", ConsoleServer.PASSWORD);

            Response changed = racingBrowser.submit(racingBrowser.get("/console/change-password")
                    .form("form[action=/console/change-password]").set("current", ConsoleServer.PASSWORD)
                    .set("new", "Brand-New-Horse-3").set("confirm", "Brand-New-Horse-3"));

            assertThat(changed.location()).isEqualTo("/console/signin?password-replaced=1");
            assertThat(racingBrowser.follow(changed).text(".message.notice")).contains("signed you out");
            assertThat(racingBrowser.cookie(ConsoleCookies.SESSION)).as("the cookie cleared").isEmpty();
            assertThat(racing.client().signInAsUser("acme", "bob", "Brand-New-Horse-3").status())
                    .as("the reset stands").isEqualTo(401);
            assertThat(racing.client().signInAsUser("acme", "bob", "Reset-Horse-Battery-4").location())
                    .isEqualTo("/console/change-password");
        }
    }

    /** A store that runs what {@code beforeNextWrite} holds, once, before its next unit of work. */
    private record BeforeNextWriteStore(Store store, AtomicReference<Runnable> beforeNextWrite) implements Store {
        @Override
        public <T> T inTransaction(Function<StoreSession, T> work) {
            Runnable landing = beforeNextWrite.getAndSet(null);
            if (landing != null) {
                landing.run();
            }
            return store.inTransaction(work);
        }

        @Override
        public <T> T read(Function<StoreSession, T> work) {
            return store.read(work);
        }
    }

    @Test
    void theForcedChangeChecksTheCurrentPasswordUnderTheSignInThrottleAndEndsOtherSessions() {
        Account account = console.createAccount("acme");
        console.createUser(account, "bob", false, true);
        ConsoleClient elsewhere = console.client();
        assertThat(elsewhere.signInAsUser("acme", "bob", ConsoleServer.PASSWORD).location()).isEqualTo("/console/change-password");
        browser.signInAsUser("acme", "bob", ConsoleServer.PASSWORD);

        for (int guess = 1; guess <= 3; guess++) {
            Response wrong = browser.submit(browser.get("/console/change-password").form("form[action=/console/change-password]")
                    .set("current", "Guess-" + guess).set("new", "Brand-New-Horse-3").set("confirm", "Brand-New-Horse-3"));
            assertThat(wrong.status()).isEqualTo(403);
        }
        Response throttled = browser.submit(browser.get("/console/change-password").form("form[action=/console/change-password]")
                .set("current", ConsoleServer.PASSWORD).set("new", "Brand-New-Horse-3").set("confirm", "Brand-New-Horse-3"));
        assertThat(throttled.status()).as("the right password waits too").isEqualTo(409);
        assertThat(console.client().signInAsUser("acme", "bob", ConsoleServer.PASSWORD).status())
                .as("the sign-in shares the count").isEqualTo(401);

        console.clock.advance(Duration.ofMinutes(20));
        browser.signInAsUser("acme", "bob", ConsoleServer.PASSWORD);
        elsewhere.signInAsUser("acme", "bob", ConsoleServer.PASSWORD);
        String pending = browser.cookie(ConsoleCookies.SESSION).orElseThrow();
        Response changed = browser.submit(browser.get("/console/change-password").form("form[action=/console/change-password]")
                .set("current", ConsoleServer.PASSWORD).set("new", "Brand-New-Horse-3").set("confirm", "Brand-New-Horse-3"));
        assertThat(changed.location()).isEqualTo("/console/");
        assertThat(browser.cookie(ConsoleCookies.SESSION)).as("a new session ID").get().isNotEqualTo(pending);
        assertThat(browser.follow(changed).text("h1")).isEqualTo("IAM dashboard");
        assertThat(elsewhere.get("/console/").location()).as("the other session ended").isEqualTo("/console/signin");
    }

    @Test
    void aSignInWhoseDevicesWereRemovedMeanwhileEndsAndStartsAgain() {
        Account account = console.createAccount("acme");
        Authenticator phone = console.enableVirtualMfa(account.root(), "root-phone");
        assertThat(browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD).location())
                .isEqualTo("/console/signin/mfa");
        HtmlForm form = browser.get("/console/signin/mfa").form("form[action=/console/signin/mfa]");
        console.services.mfaDevices().deactivateMfaDevice(account.root(), SerialNumber.of(phone.serial()), Origin.LOCAL);

        Response code = browser.submit(form.set("code", phone.code(0)));
        assertThat(code.location()).isEqualTo("/console/signin?device-removed=1");
        assertThat(browser.follow(code).text(".message.notice")).contains("MFA device was removed");
        assertThat(browser.get("/console/signin/mfa").location()).as("the pending session is gone").isEqualTo("/console/signin");
        assertThat(browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD).location())
                .as("judged on what the principal has now").isEqualTo("/console/");
    }

    @Test
    void aPasswordExpiredUnderAHardExpiryKeepsTheUserOutUntilAnAdministratorResetsIt() {
        Account account = console.createAccount("acme");
        IamUser bob = console.createUser(account, "bob", false, false);
        console.services.accounts().updatePasswordPolicy(account.id(), new PasswordPolicy(8, false, false, false, false, 0,
                0, 30, true, true), Origin.LOCAL);
        console.clock.advance(Duration.ofDays(31));

        Response refused = browser.signInAsUser("acme", "bob", ConsoleServer.PASSWORD);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text(".message.error")).contains(SignInPages.EXPIRED);
        assertThat(browser.cookie(ConsoleCookies.SESSION)).as("no session").isEmpty();
        assertThat(browser.signInAsUser("acme", "bob", "Wrong-Horse-Battery-1").text(".message.error"))
                .as("only the right password learns of the expiry").contains(SignInPages.WRONG_DETAILS);
        assertThat(console.client().signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD).location())
                .as("the policy binds IAM users only").isEqualTo("/console/");

        console.services.passwords().resetPassword(bob.principal(), Password.of("Reset-Horse-Battery-2"), true,
                Origin.LOCAL);
        assertThat(browser.signInAsUser("acme", "bob", "Reset-Horse-Battery-2").location())
                .isEqualTo("/console/change-password");
    }

    @Test
    void aSessionOpenedBeforeAHardExpiryCannotSetANewPasswordAfterIt() {
        Account account = console.createAccount("acme");
        console.createUser(account, "bob", false, false);
        console.services.accounts().updatePasswordPolicy(account.id(), new PasswordPolicy(8, false, false, false, false, 0,
                0, 30, true, true), Origin.LOCAL);
        console.clock.advance(Duration.ofDays(30).minusMinutes(5));
        assertThat(browser.signInAsUser("acme", "bob", ConsoleServer.PASSWORD).location()).isEqualTo("/console/");
        HtmlForm form = browser.get("/console/security-credentials/password")
                .form("form[action=/console/security-credentials/password]");
        console.clock.advance(Duration.ofMinutes(10));

        Response refused = browser.submit(form.set("current", ConsoleServer.PASSWORD).set("new", "Brand-New-Horse-3")
                .set("confirm", "Brand-New-Horse-3"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text(".message.error")).contains(SignInPages.EXPIRED);
        assertThat(console.client().signInAsUser("acme", "bob", "Brand-New-Horse-3").status())
                .as("the password was not changed").isEqualTo(401);
    }

    @Test
    void aPasswordThePolicyLetExpireMustBeChangedToo() {
        Account account = console.createAccount("acme");
        console.services.accounts().updatePasswordPolicy(account.id(), PasswordPolicy.custom(8, false, false, false, false, 0, 1),
                Origin.LOCAL);
        console.createUser(account, "carol", false, false);
        console.clock.advance(Duration.ofDays(2));

        assertThat(browser.signInAsUser("acme", "carol", ConsoleServer.PASSWORD).location())
                .isEqualTo("/console/change-password");
    }

    @Test
    void theServersAddressLeadsToTheConsoleAndTheApiKeepsItsQueries() {
        Response root = browser.get("/");
        assertThat(root.status()).isEqualTo(302);
        assertThat(root.location()).isEqualTo("/console/");
        assertThat(browser.get("/console/").location()).isEqualTo("/console/signin");
        Response api = browser.get("/?Action=GetCallerIdentity&Version=2011-06-15");
        assertThat(api.status()).as("unsigned API request, answered by the API").isEqualTo(403);
        assertThat(api.body()).contains("MissingAuthenticationToken");
    }

    private List<AuditEvent> events(Account account, AuditAction action) {
        return console.services.store().read(session -> session.audit().recent(account.id(), 1000)).stream()
                .filter(event -> event.action() == action).toList();
    }
}
