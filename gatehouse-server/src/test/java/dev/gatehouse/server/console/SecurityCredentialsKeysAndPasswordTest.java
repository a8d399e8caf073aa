package dev.gatehouse.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.user.AccessKey;
import dev.gatehouse.core.user.AccessKeyId;
import dev.gatehouse.core.user.AccessKeyStatus;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.server.console.ConsoleClient.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** One's own access keys and password in the console, and the CSRF token on every form of these pages. */
class SecurityCredentialsKeysAndPasswordTest extends ConsoleTestCase {

    private static final String CREATE_KEY = CREDENTIALS + "/access-keys/create";

    @Test
    void theRootUserIsWarnedThenCreatesDownloadsDeactivatesAndDeletesAKey() {
        signedInRoot();
        assertThat(browser.get(CREDENTIALS).text("#access-keys + p, section[aria-labelledby=keys] .message"))
                .contains("root user access keys are not recommended");
        Response form = browser.get(CREATE_KEY);
        Response notConfirmed = browser.submit(form.form("form#create-access-key").remove("understood"));
        assertThat(notConfirmed.status()).isEqualTo(400);
        assertThat(console.services.accessKeys().listAccessKeys(account.root())).isEmpty();

        Response created = browser.submit(form.form("form#create-access-key").set("understood", "yes"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.header("Cache-Control")).contains("no-store");
        String id = created.text("#access-key-id");
        String secret = created.text("#secret-access-key");
        assertThat(id).startsWith("AKIA");
        assertThat(secret).hasSize(40);
        assertThat(console.services.accessKeys().signingKey(AccessKeyId.of(id)).orElseThrow().secret().reveal())
                .as("the secret shown is the key's").isEqualTo(secret);
        Element download = created.page().selectFirst("a#download-csv");
        assertThat(download.text()).isEqualTo("Download .csv file");
        assertThat(download.attr("download")).isEqualTo("rootkey.csv");
        assertThat(csv(download)).isEqualTo("Access key ID,Secret access key\n" + id + "," + secret + "\n");

        Response overview = browser.get(CREDENTIALS);
        assertThat(overview.body()).as("shown once").doesNotContain(secret);
        assertThat(overview.page().select("#access-keys tbody td").eachText().subList(0, 2)).containsExactly(id, "Active");
        assertThat(overview.text("#access-keys td.last-used")).isEqualTo("Never");
        Response deactivated = browser.follow(browser.submit(overview.form("#access-keys form")));
        assertThat(deactivated.text(".message.notice")).contains("The access key is inactive");
        assertThat(deactivated.text("#access-keys td.status")).isEqualTo("Inactive");
        assertThat(key(account.root(), id).status()).isEqualTo(AccessKeyStatus.INACTIVE);
        Response activated = browser.follow(browser.submit(deactivated.form("#access-keys form")));
        assertThat(activated.text("#access-keys td.status")).isEqualTo("Active");

        Response confirm = browser.get(activated.page().selectFirst("#access-keys a[href*=delete]").attr("href"));
        assertThat(confirm.text("form#confirm-delete-access-key")).contains("Delete access key " + id).contains("This key is active");
        assertThat(console.services.accessKeys().listAccessKeys(account.root())).as("not before the confirmation").hasSize(1);
        Response deleted = browser.follow(browser.submit(confirm.form("form#confirm-delete-access-key")));
        assertThat(deleted.text(".message.notice")).isEqualTo("The access key is deleted.");
        assertThat(deleted.text("#access-keys tbody")).isEqualTo("No access keys.");
        assertThat(console.services.accessKeys().listAccessKeys(account.root())).isEmpty();
        assertThat(events(AuditAction.ACCESS_KEY_CREATED).get(0).origin().caller()).contains(account.id().rootArn());
        assertThat(events(AuditAction.ACCESS_KEY_STATUS_CHANGED)).hasSize(2);
        assertThat(events(AuditAction.ACCESS_KEY_DELETED)).hasSize(1);
    }

    @Test
    void anIamUserManagesItsOwnKeysUpToTheQuota() {
        IamUser alice = console.createUser(account, "alice", false, false);
        browser.follow(browser.signInAsUser("acme", "alice", ConsoleServer.PASSWORD));
        assertThat(browser.get(CREDENTIALS).body()).doesNotContain("not recommended");
        Response first = browser.submit(browser.get(CREATE_KEY).form("form#create-access-key"));
        assertThat(first.page().selectFirst("a#download-csv").attr("download")).isEqualTo("alice_accessKeys.csv");
        browser.submit(browser.get(CREATE_KEY).form("form#create-access-key"));
        Response third = browser.submit(browser.get(CREATE_KEY).form("form#create-access-key"));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.text(".message.error")).contains("You already have 2 access keys");
        assertThat(console.services.accessKeys().listAccessKeys(alice.principal())).hasSize(2);
    }

    @Test
    void anotherPrincipalsKeyCannotBeTouchedFromThesePages() {
        IamUser bob = console.createUser(account, "bob", false, false);
        String bobsKey = console.services.accessKeys().createAccessKey(bob.principal(), Origin.LOCAL).key().id().value();
        console.createUser(account, "alice", false, false);
        browser.follow(browser.signInAsUser("acme", "alice", ConsoleServer.PASSWORD));
        assertThat(browser.get(CREDENTIALS + "/access-keys/delete?key=" + bobsKey).status()).isEqualTo(404);
        String csrf = browser.get(CREATE_KEY).form("form#create-access-key").get("csrf");
        assertThat(browser.post(CREDENTIALS + "/access-keys/delete", Map.of("csrf", csrf, "key", bobsKey)).status())
                .isEqualTo(404);
        assertThat(browser.post(CREDENTIALS + "/access-keys/status", Map.of("csrf", csrf, "key", bobsKey,
                "status", "Inactive")).status()).isEqualTo(404);
        assertThat(key(bob.principal(), bobsKey).status()).isEqualTo(AccessKeyStatus.ACTIVE);
    }

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordAndSaysWhatThePolicyAsks() {
        console.createUser(account, "alice", false, false);
        browser.follow(browser.signInAsUser("acme", "alice", ConsoleServer.PASSWORD));
        Response form = browser.get(browser.get(CREDENTIALS).page().selectFirst("a[href$=/password]").attr("href"));
        assertThat(form.text("#policy")).contains("at least 8 characters");

        Response wrong = browser.submit(form.form("form#update-password").set("current", "Not-The-Password-1")
                .set("new", "Another-Horse-42").set("confirm", "Another-Horse-42"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.text(".message.error")).contains("The current password is not correct.");
        for (int guess = 2; guess <= 3; guess++) {
            browser.submit(form.form("form#update-password").set("current", "Guess-" + guess)
                    .set("new", "Another-Horse-42").set("confirm", "Another-Horse-42"));
        }
        Response throttled = browser.submit(form.form("form#update-password").set("current", ConsoleServer.PASSWORD)
                .set("new", "Another-Horse-42").set("confirm", "Another-Horse-42"));
        assertThat(throttled.status()).as("guesses are throttled like sign-ins").isEqualTo(409);
        assertThat(throttled.text(".message.error")).contains("Too many wrong passwords");
        assertThat(events(AuditAction.PASSWORD_CHANGED)).extracting(AuditEvent::outcome).containsExactlyInAnyOrder(
                AuditOutcome.FAILURE, AuditOutcome.FAILURE, AuditOutcome.FAILURE, AuditOutcome.THROTTLED);
        console.clock.advance(Duration.ofSeconds(1));
        Response mismatch = browser.submit(form.form("form#update-password").set("current", ConsoleServer.PASSWORD)
                .set("new", "Another-Horse-42").set("confirm", "Another-Horse-43"));
        assertThat(mismatch.text(".message.error")).contains("not the same");
        Response weak = browser.submit(form.form("form#update-password").set("current", ConsoleServer.PASSWORD)
                .set("new", "short").set("confirm", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.text(".message.error")).contains("password policy").contains("at least 8 characters");

        ConsoleClient otherBrowser = console.client();
        otherBrowser.follow(otherBrowser.signInAsUser("acme", "alice", ConsoleServer.PASSWORD));
        String sessionBefore = browser.cookie(ConsoleCookies.SESSION).orElseThrow();
        Response changed = browser.follow(browser.submit(form.form("form#update-password")
                .set("current", ConsoleServer.PASSWORD).set("new", "Another-Horse-42").set("confirm", "Another-Horse-42")));
        assertThat(changed.text(".message.notice")).isEqualTo("Your password is changed.");
        assertThat(browser.cookie(ConsoleCookies.SESSION)).as("this session goes on under a new ID").isPresent()
                .get().isNotEqualTo(sessionBefore);
        assertThat(otherBrowser.get(CREDENTIALS).location()).as("the other session ended").isEqualTo("/console/signin");
        browser.signOut(CREDENTIALS);
        assertThat(browser.signInAsUser("acme", "alice", ConsoleServer.PASSWORD).status()).isEqualTo(401);
        assertThat(browser.signInAsUser("acme", "alice", "Another-Horse-42").location()).isEqualTo("/console/");
        assertThat(events(AuditAction.PASSWORD_CHANGED)).filteredOn(event -> event.outcome() == AuditOutcome.SUCCESS)
                .hasSize(1);
    }

    @Test
    void everyFormOfThesePagesCarriesTheSessionsCsrfTokenAndAPostWithoutItChangesNothing() {
        console.services.accessKeys().createAccessKey(account.root(), Origin.LOCAL);
        ConsoleServer.Authenticator phone = console.enableVirtualMfa(account.root(), "phone");
        browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD, phone);
        Response overview = browser.get(CREDENTIALS);
        String token = overview.form("#access-keys form").get("csrf");
        String key = overview.text("#access-keys td.key-id");
        List<String> pages = List.of(CREDENTIALS, CREDENTIALS + "/mfa/assign", CREATE_KEY, CREDENTIALS + "/password",
                CREDENTIALS + "/mfa/resync?serial=" + phone.serial(), CREDENTIALS + "/mfa/remove?serial=" + phone.serial(),
                CREDENTIALS + "/access-keys/delete?key=" + key);
        for (String path : pages) {
            Response page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.page().select("form[method=post]")).as(path).isNotEmpty()
                    .allSatisfy(form -> assertThat(form.select("input[name=csrf]").val()).as(path).isEqualTo(token));
        }
        assertThat(browser.post(CREDENTIALS + "/access-keys/delete", Map.of("key", key)).status()).isEqualTo(403);
        assertThat(browser.post(CREDENTIALS + "/access-keys/delete", Map.of("csrf", token + "x", "key", key)).status())
                .isEqualTo(403);
        assertThat(browser.post(CREATE_KEY, Map.of("understood", "yes")).body())
                .contains("The form expired or was not sent by this console.");
        assertThat(console.services.accessKeys().listAccessKeys(account.root())).hasSize(1);
    }

    private static String csv(Element download) {
        String href = download.attr("href");
        assertThat(href).startsWith("data:text/csv;charset=utf-8;base64,");
        return new String(Base64.getDecoder().decode(href.substring(href.indexOf(',') + 1)), StandardCharsets.UTF_8);
    }

    private AccessKey key(dev.gatehouse.core.account.PrincipalRef principal, String id) {
        return console.services.accessKeys().listAccessKeys(principal).stream()
                .filter(key -> key.id().value().equals(id)).findFirst().orElseThrow();
    }

    private List<AuditEvent> events(AuditAction action) {
        return console.services.store().read(session -> session.audit().recent(account.id(), 1000)).stream()
                .filter(event -> event.action() == action).toList();
    }
}
