package dev.gatehouse.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.server.console.ConsoleClient.Response;
import org.junit.jupiter.api.Test;

/** The dashboard's recommendations and counts, and who sees them. */
class DashboardPageTest extends ConsoleTestCase {

    @Test
    void theRootUserIsToldToAddMfaAndDeleteItsKeysWithLinksToFixThem() {
        console.services.accessKeys().createAccessKey(account.root(), Origin.LOCAL);
        Response dashboard = browser.follow(browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD));

        assertThat(dashboard.page().select(".recommendation.warning h3").eachText())
                .containsExactly("Add MFA for root user", "Delete root user access keys");
        assertThat(dashboard.page().select(".recommendation.warning a.button").eachAttr("href"))
                .containsExactly("/console/security-credentials", "/console/security-credentials");
        assertThat(dashboard.page().select(".recommendation .level").eachText()).as("said in words, not colour only")
                .containsOnly("Action needed");
    }

    @Test
    void onceTheRootUserHasMfaAndNoKeysTheDashboardSaysSoAndSuggestsHardware() {
        ConsoleServer.Authenticator phone = console.enableVirtualMfa(account.root(), "root-phone");
        Response dashboard = browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD, phone);

        assertThat(dashboard.page().select(".recommendation.ok h3").eachText())
                .containsExactly("Root user has MFA", "Root user has no active access keys");
        assertThat(dashboard.page().select(".recommendation.suggestion h3").eachText())
                .containsExactly("Use a hardware MFA device for the root user");
        assertThat(dashboard.page().select(".recommendation.warning")).isEmpty();
    }

    @Test
    void rootAndAdministratorsSeeHowManyUsersHaveMfa() {
        IamUser admin = console.createUser(account, "admin", true, false);
        IamUser alice = console.createUser(account, "alice", false, false);
        console.createUser(account, "bob", false, false);
        console.enableVirtualMfa(alice.principal(), "alice-phone");
        console.enableVirtualMfa(alice.principal(), "alice-tablet");

        Response asRoot = browser.follow(browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD));
        assertThat(asRoot.text("#users-with-mfa")).isEqualTo("1");
        assertThat(asRoot.text("#users-without-mfa")).isEqualTo("2");

        ConsoleClient adminBrowser = console.client();
        Response asAdmin = adminBrowser.follow(adminBrowser.signInAsUser("acme", admin.name().value(), ConsoleServer.PASSWORD));
        assertThat(asAdmin.text("#users-with-mfa")).isEqualTo("1");
        assertThat(asAdmin.text(".recommendations")).contains("Add MFA for root user")
                .contains("Only the root user can do this").contains("Add MFA for yourself");
        assertThat(asAdmin.page().select("a.button[href=/console/security-credentials]")).as("only for its own MFA").hasSize(1);
    }

    @Test
    void aUserWithoutAdministratorRightsSeesItsOwnStatusOnly() {
        IamUser bob = console.createUser(account, "bob", false, false);
        Response before = browser.follow(browser.signInAsUser("acme", "bob", ConsoleServer.PASSWORD));
        assertThat(before.page().select(".recommendation h3").eachText()).containsExactly("Add MFA for yourself");
        assertThat(before.page().select("#users-with-mfa")).isEmpty();
        assertThat(before.body()).doesNotContain("root user");

        browser.signOut("/console/");
        ConsoleServer.Authenticator phone = console.enableVirtualMfa(bob.principal(), "bob-phone");
        browser.signInAsUser("acme", "bob", ConsoleServer.PASSWORD);
        Response after = browser.follow(browser.enterCode(phone.code(0), java.util.Optional.empty()));
        assertThat(after.page().select(".recommendation h3").eachText()).containsExactly("You have MFA");
    }
}
