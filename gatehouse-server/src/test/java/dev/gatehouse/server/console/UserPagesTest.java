package dev.gatehouse.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.user.AccessKeyStatus;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.NewAccessKey;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.server.console.ConsoleClient.Response;
import dev.gatehouse.server.console.ConsoleServer.Authenticator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's page: what an administrator does to another user's MFA devices, password, keys, and the user. */
class UserPagesTest {

    @TempDir
    Path data;

    ConsoleServer console;
    ConsoleClient admin;
    Account account;
    IamUser alice;

    @BeforeEach
    void start() {
        console = new ConsoleServer(data);
        account = console.createAccount("acme");
        console.createUser(account, "admin", true, false);
        alice = console.createUser(account, "alice", false, false);
        admin = console.client();
        admin.follow(admin.signInAsUser("acme", "admin", ConsoleServer.PASSWORD));
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void showsTheUsersSummaryAndCredentials() {
        Authenticator phone = console.enableVirtualMfa(alice.principal(), "alice-phone");
        Response page = admin.get("/console/users/alice");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("#user-arn")).isEqualTo(alice.arn());
        assertThat(page.text("#user-mfa")).isEqualTo("Enabled");
        assertThat(page.page().select("#user-devices td.name").eachText()).containsExactly("alice-phone");
        assertThat(page.text("#user-devices tbody")).contains("Virtual").contains(phone.serial());
        assertThat(page.text("#password-status")).isEqualTo("Enabled");
    }

    @Test
    void removesADeviceOnlyAfterConfirmationWithTheAdministratorsPassword() {
        Authenticator phone = console.enableVirtualMfa(alice.principal(), "alice-phone");
        Response page = admin.get("/console/users/alice");
        Response confirmation = admin.get(page.page().selectFirst("#user-devices a:contains(Remove)").attr("href"));

        assertThat(confirmation.text("form#confirm p")).contains("Remove the MFA device alice-phone");
        assertThat(devices(alice)).as("not before the confirmation").hasSize(1);
        Response wrongPassword = admin.submit(confirmation.form("form#confirm").set("your-password", "not mine"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.text(".message.error")).contains("Your password was not accepted");
        assertThat(devices(alice)).hasSize(1);
        Response done = admin.follow(admin.submit(wrongPassword.form("form#confirm")
                .set("your-password", ConsoleServer.PASSWORD)));

        assertThat(done.text(".message.notice")).isEqualTo("The MFA device was removed.");
        assertThat(done.text("#user-mfa")).isEqualTo("Not enabled");
        assertThat(devices(alice)).isEmpty();
        assertThatThrownBy(() -> console.services.mfaDevices().getMfaDevice(account.id(), SerialNumber.of(phone.serial())))
                .as("an authenticator app's device is deleted with its seed").isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void resyncsADeviceWithTwoConsecutiveCodes() {
        Authenticator phone = console.enableVirtualMfa(alice.principal(), "alice-phone");
        Response form = admin.get(admin.get("/console/users/alice").page().selectFirst("#user-devices a:contains(Resync)")
                .attr("href"));

        Response wrong = admin.submit(form.form("form#resync-mfa").set("code1", phone.code(2)).set("code2", phone.code(2)));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.text(".message.error")).isNotBlank();

        Response done = admin.follow(admin.submit(form.form("form#resync-mfa").set("code1", phone.code(3))
                .set("code2", phone.code(4))));
        assertThat(done.text(".message.notice")).isEqualTo("The MFA device was resynchronised.");
        assertThat(devices(alice).get(0).driftSteps()).isEqualTo(4);
    }

    @Test
    void assignsAHardwareTokenRegisteringItFirst() {
        OtpSecret seed = OtpSecret.generate(new java.security.SecureRandom(), 20);
        Authenticator token = new Authenticator("GAHT12345678", seed, console.clock);
        Response form = admin.get(admin.get("/console/users/alice").page().selectFirst("a:contains(Assign a hardware TOTP token)")
                .attr("href"));

        Response wrongCodes = admin.submit(form.form("form#assign-hardware").set("serial", token.serial())
                .set("seed", seed.toBase32()).set("code1", token.wrongCode()).set("code2", token.code(0)));
        assertThat(wrongCodes.status()).isEqualTo(403);
        assertThat(wrongCodes.form("form#assign-hardware").get("serial")).isEqualTo(token.serial());
        assertThat(devices(alice)).isEmpty();

        // Registered by the first attempt: the seed is not asked for again.
        Response done = admin.follow(admin.submit(wrongCodes.form("form#assign-hardware").set("code1", token.code(0))
                .set("code2", token.code(1))));
        assertThat(done.text(".message.notice")).isEqualTo("The hardware TOTP token is assigned to the user.");
        assertThat(done.text("#user-devices tbody")).contains("Hardware TOTP").contains(token.serial());
        assertThat(devices(alice)).extracting(MfaDevice::kind).containsExactly(MfaDeviceKind.HARDWARE_TOTP);

        Response badSeed = admin.submit(form.form("form#assign-hardware").set("serial", "GAHT99999999")
                .set("seed", "not base32!").set("code1", "123456").set("code2", "654321"));
        assertThat(badSeed.status()).isEqualTo(400);
        assertThat(badSeed.text(".message.error")).contains("Base32");
    }

    @Test
    void refusesToDeleteAUserWithCredentialsThenDeletesItOnceTheyAreGone() {
        Response confirmation = admin.get("/console/users/alice/delete");
        Response conflict = admin.submit(confirmation.form("form#confirm"));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text(".message.error")).isEqualTo("Error: Cannot delete entity, must delete login profile first.");
        Response disable = admin.get(admin.get("/console/users/alice").page().selectFirst("a:contains(Disable console password)")
                .attr("href"));
        Response disabled = admin.follow(admin.submit(disable.form("form#confirm")
                .set("your-password", ConsoleServer.PASSWORD)));
        assertThat(disabled.text(".message.notice")).startsWith("The console password was removed");
        assertThat(disabled.text("#password-status")).startsWith("Not enabled");

        Response deleted = admin.follow(admin.submit(admin.get("/console/users/alice/delete").form("form#confirm")));
        assertThat(deleted.text(".message.notice")).isEqualTo("The user was deleted.");
        assertThat(deleted.page().select("#users tbody th").eachText()).containsExactly("admin");
        assertThat(admin.get("/console/users/alice").status()).isEqualTo(404);
    }

    @Test
    void deactivatesActivatesAndDeletesAccessKeys() {
        NewAccessKey key = console.services.accessKeys().createAccessKey(alice.principal(), Origin.LOCAL);
        String id = key.key().id().value();
        Response deactivated = admin.follow(admin.submit(admin.get("/console/users/alice").form("#user-keys form")));
        assertThat(deactivated.text(".message.notice")).startsWith("The access key is inactive");
        assertThat(status(alice)).isEqualTo(AccessKeyStatus.INACTIVE);
        admin.follow(admin.submit(deactivated.form("#user-keys form")));
        assertThat(status(alice)).isEqualTo(AccessKeyStatus.ACTIVE);

        Response confirmation = admin.get("/console/users/alice/keys/delete?key=" + id);
        assertThat(confirmation.text("form#confirm p")).contains(id);
        assertThat(console.services.accessKeys().listAccessKeys(alice.principal())).hasSize(1);
        Response deleted = admin.follow(admin.submit(confirmation.form("form#confirm")));
        assertThat(deleted.text(".message.notice")).isEqualTo("The access key was deleted.");
        assertThat(console.services.accessKeys().listAccessKeys(alice.principal())).isEmpty();
    }

    @Test
    void aResetPasswordMustBeChangedAtTheNextSignIn() {
        ConsoleClient signedIn = console.client();
        signedIn.follow(signedIn.signInAsUser("acme", "alice", ConsoleServer.PASSWORD));
        Response refused = admin.submit(admin.get("/console/users/alice").form("form#reset-password"));
        assertThat(refused.status()).as("without the administrator's own password").isEqualTo(401);
        Response reset = admin.submit(admin.get("/console/users/alice").form("form#reset-password")
                .set("your-password", ConsoleServer.PASSWORD));
        String password = reset.text("#generated-password");

        assertThat(reset.text(".message.notice")).contains("must choose a new password at their next sign-in");
        assertThat(signedIn.get("/console/").location()).as("alice's session ended with her password")
                .isEqualTo("/console/signin");
        ConsoleClient aliceBrowser = console.client();
        assertThat(aliceBrowser.signInAsUser("acme", "alice", ConsoleServer.PASSWORD).status()).isEqualTo(401);
        assertThat(aliceBrowser.signInAsUser("acme", "alice", password).location()).isEqualTo("/console/change-password");
    }

    @Test
    void enablesAConsolePasswordForAUserWithoutOne() {
        console.services.passwords().deleteLoginProfile(alice.principal(), Origin.LOCAL);
        Response enabled = admin.submit(admin.get("/console/users/alice").form("form#enable-password")
                .set("password-mode", "custom").set("password", "Alices-New-Password-1").remove("require-reset")
                .set("your-password", ConsoleServer.PASSWORD));

        assertThat(enabled.text(".message.notice")).isEqualTo("User alice can now sign in to the console.");
        assertThat(console.client().signInAsUser("acme", "alice", "Alices-New-Password-1").location()).isEqualTo("/console/");
    }

    @Test
    void anUnknownUserIsAReadable404() {
        Response missing = admin.get("/console/users/nobody");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text(".message.error")).isEqualTo("The user with name nobody cannot be found.");
    }

    private List<MfaDevice> devices(IamUser user) {
        return console.services.mfaDevices().listMfaDevices(user.principal(), Optional.empty(), 10).items();
    }

    private AccessKeyStatus status(IamUser user) {
        return console.services.accessKeys().listAccessKeys(user.principal()).get(0).status();
    }
}
