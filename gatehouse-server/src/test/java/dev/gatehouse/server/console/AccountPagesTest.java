package dev.gatehouse.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.account.PasswordPolicy;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.signin.SignInHistory;
import dev.gatehouse.server.console.ConsoleClient.Response;
import dev.gatehouse.server.console.ConsoleServer.Authenticator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Account page: alias, password policy and the sign-in history. */
class AccountPagesTest extends ConsoleTestCase {

    ConsoleClient root;

    @BeforeEach
    void signInAsRoot() {
        root = signedInRoot();
    }

    @Test
    void changesAndDeletesTheAliasUnderAwsRules() {
        console.createUser(account, "alice", false, false);
        Response page = root.get("/console/account");
        assertThat(page.text("#account-id")).isEqualTo(account.id().value());
        assertThat(page.text("#account-alias")).isEqualTo("acme");

        Response invalid = root.submit(page.form("form#alias-form").set("alias", "Not_Valid"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text(".message.error")).contains("3 to 63 lower-case letters, digits and hyphens");
        Response digits = root.submit(page.form("form#alias-form").set("alias", "123456"));
        assertThat(digits.status()).isEqualTo(400);

        Response changed = root.follow(root.submit(page.form("form#alias-form").set("alias", "acme-prod")));
        assertThat(changed.text(".message.notice")).startsWith("The account alias is set");
        assertThat(changed.text("#account-alias")).isEqualTo("acme-prod");
        assertThat(console.client().signInAsUser("acme-prod", "alice", ConsoleServer.PASSWORD).location())
                .isEqualTo("/console/");

        Response confirmation = root.get(changed.page().selectFirst("a:contains(Delete the alias)").attr("href"));
        assertThat(console.services.accounts().getAccount(account.id()).aliasIfAny()).isPresent();
        Response deleted = root.follow(root.submit(confirmation.form("form#confirm")));
        assertThat(deleted.text("#account-alias")).isEqualTo("None");
        assertThat(console.services.accounts().getAccount(account.id()).aliasIfAny()).isEmpty();
    }

    @Test
    void editsThePasswordPolicyAndItAppliesToNewPasswords() {
        Response page = root.get("/console/account");
        assertThat(page.text("#policy-kind")).startsWith("The account uses AWS's default rules");

        Response saved = root.follow(root.submit(page.form("form#policy-form").set("minimum-length", "14")
                .set("require-symbols", "on").set("require-uppercase", "on").set("maximum-age", "90")
                .set("reuse-prevention", "5")));
        assertThat(saved.text(".message.notice")).startsWith("The password policy is saved");
        assertThat(console.services.accounts().getAccount(account.id()).passwordPolicy())
                .isEqualTo(PasswordPolicy.custom(14, true, false, true, false, 5, 90));
        HtmlForm shown = saved.form("form#policy-form");
        assertThat(shown.get("minimum-length")).isEqualTo("14");
        assertThat(shown.get("require-symbols")).isEqualTo("on");
        assertThat(shown.get("require-numbers")).as("unchecked boxes are not sent").isNull();
        assertThat(shown.get("allow-users-to-change-password")).as("AWS's default: users may change theirs").isEqualTo("on");

        Response strict = root.follow(root.submit(shown.remove("allow-users-to-change-password")
                .set("hard-expiry", "on")));
        assertThat(console.services.accounts().getAccount(account.id()).passwordPolicy())
                .isEqualTo(PasswordPolicy.custom(14, true, false, true, false, 5, 90, false, true));
        assertThat(strict.form("form#policy-form").get("hard-expiry")).isEqualTo("on");
        assertThat(strict.form("form#policy-form").get("allow-users-to-change-password")).isNull();

        Response weak = root.submit(root.get("/console/users/~new").form("form#create-user").set("username", "bob")
                .set("password-mode", "custom").set("password", "Correct-Horse"));
        assertThat(weak.text(".message.error")).contains("at least 14 characters");

        Response invalid = root.submit(saved.form("form#policy-form").set("minimum-length", "4"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text(".message.error")).contains("6 to 128");
        Response notANumber = root.submit(saved.form("form#policy-form").set("maximum-age", "ninety"));
        assertThat(notANumber.text(".message.error")).contains("Password expiry in days must be a whole number");

        Response confirmation = root.get(saved.page().selectFirst("a:contains(Delete the password policy)").attr("href"));
        root.follow(root.submit(confirmation.form("form#confirm")));
        assertThat(console.services.accounts().getAccount(account.id()).passwordPolicy()).isEqualTo(PasswordPolicy.DEFAULT);
    }

    @Test
    void theSignInHistoryShowsFailuresAndSignInsWithMfaNewestFirst() {
        Authenticator phone = console.enableVirtualMfa(account.root(), "root-phone");
        ConsoleClient stranger = console.client();
        // A second between the steps, so that the newest-first order is certain.
        console.clock.advance(Duration.ofSeconds(1));
        assertThat(stranger.signInAsRoot(ConsoleServer.ROOT_EMAIL, "not the password").status()).isEqualTo(401);
        console.clock.advance(Duration.ofSeconds(1));
        ConsoleClient owner = console.client();
        assertThat(owner.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD).location())
                .isEqualTo("/console/signin/mfa");
        console.clock.advance(Duration.ofSeconds(1));
        owner.enterCode(phone.code(0), Optional.empty());

        List<Element> rows = owner.get("/console/account").page().select("#sign-in-history tbody tr");
        assertThat(rows).extracting(row -> row.select("td").get(3).text()).containsExactly(
                "Signed in (password and MFA code)", "Password accepted; MFA code asked", "Failed: wrong password",
                "Signed in (password)");
        assertThat(rows).extracting(row -> row.select("td").get(4).text()).containsExactly("Yes", "No", "No", "No");
        assertThat(rows.get(0).select("td").get(1).text()).isEqualTo(account.id().rootArn());
        assertThat(rows.get(0).select("td").get(2).text()).startsWith("127.0.0.1").contains("Java-http-client");
    }

    @Test
    void theHistoryShowsEveryRefusedCodeWithItsDeviceAndWhy() {
        Authenticator phone = console.enableVirtualMfa(account.root(), "root-phone");
        ConsoleClient owner = console.client();
        owner.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD);
        console.clock.advance(Duration.ofSeconds(1));
        assertThat(owner.enterCode(phone.wrongCode(), Optional.empty()).status()).isEqualTo(401);
        console.clock.advance(Duration.ofSeconds(1));
        String code = phone.code(0);
        owner.enterCode(code, Optional.empty());
        owner.signOut("/console/");
        console.clock.advance(Duration.ofSeconds(1));
        owner.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD);
        console.clock.advance(Duration.ofSeconds(1));
        assertThat(owner.enterCode(code, Optional.empty()).status()).as("replayed").isEqualTo(401);
        for (int attempt = 0; attempt < 10; attempt++) {
            console.clock.advance(Duration.ofSeconds(70));
            owner.enterCode(phone.wrongCode(), Optional.empty());
        }
        assertThat(owner.enterCode(phone.code(0), Optional.empty()).status()).as("throttled").isEqualTo(429);

        List<String> results = codeSteps();
        assertThat(results).first().isEqualTo("THROTTLED too many recent failures, device " + phone.serial());
        assertThat(results).contains("INVALID wrong code, device " + phone.serial(),
                "REPLAYED code already used, device " + phone.serial(), "SUCCESS device " + phone.serial());

        List<Element> rows = root.get("/console/account").page().select("#sign-in-history tbody tr");
        assertThat(rows.get(0).select("td").get(3).text()).isEqualTo("Refused: too many recent failures");
        assertThat(rows).extracting(row -> row.select("td").get(3).text())
                .contains("Failed: wrong code, device " + phone.serial());
    }

    /** The code steps of the sign-in history, newest first, as outcome and detail. */
    private List<String> codeSteps() {
        return new SignInHistory(console.services.store()).list(account.id(), Optional.empty(), 100)
                .items().stream().filter(event -> event.action() == AuditAction.SIGN_IN_MFA)
                .map(event -> event.outcome() + " " + event.detail()).toList();
    }

    @Test
    void theHistoryIsPaged() {
        for (int i = 0; i < 30; i++) {
            console.client().signInAsRoot(ConsoleServer.ROOT_EMAIL, "wrong " + i);
            console.clock.advance(Duration.ofSeconds(1));
        }
        Response first = root.get("/console/account");
        assertThat(first.page().select("#sign-in-history tbody tr")).hasSize(25);
        Response second = root.get(first.page().selectFirst("a[rel=next]").attr("href"));
        // 30 refusals (wrong password, then throttled) and the sign-in made before them.
        assertThat(second.page().select("#sign-in-history tbody tr")).hasSize(6);
        assertThat(second.page().select("#sign-in-history tbody tr").last().select("td").get(3).text())
                .isEqualTo("Signed in (password)");
        assertThat(Optional.ofNullable(second.page().selectFirst("a[rel=next]"))).isEmpty();
    }
}
