package dev.gatehouse.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.mfa.AssignmentStatus;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpParameters;
import dev.gatehouse.qr.KeyUriQrCodes;
import dev.gatehouse.server.console.ConsoleClient.Response;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** One's own MFA devices in the console: the Assign MFA device wizard, resync and removal. */
class SecurityCredentialsMfaTest extends ConsoleTestCase {

    private static final String ASSIGN = CREDENTIALS + "/mfa/assign";

    @Test
    void theRootUserAssignsAVirtualDeviceWithTwoConsecutiveCodesComputedFromTheSecretOnThePage() {
        signedInRoot();
        Response overview = browser.get(CREDENTIALS);
        assertThat(overview.text("#mfa-devices tbody")).contains("No MFA devices");
        assertThat(overview.page().select("a#assign-mfa").attr("href")).isEqualTo(ASSIGN);
        Response chooser = browser.get(ASSIGN);
        assertThat(chooser.page().select("input[name=type][value=security-key]").hasAttr("disabled")).isTrue();
        assertThat(chooser.text("fieldset")).contains("Authenticator app", "Hardware TOTP token", "Security key coming later");

        Response setUp = startWizard("root-phone");
        assertThat(setUp.status()).isEqualTo(200);
        assertThat(setUp.header("Cache-Control")).contains("no-store");
        assertThat(setUp.page().select("summary").eachText()).containsExactly("Show QR code", "Show secret key");
        assertThat(setUp.page().select("label[for=code1]").text()).isEqualTo("MFA code 1");
        assertThat(setUp.page().select("label[for=code2]").text()).isEqualTo("MFA code 2");
        String secretKey = setUp.text("#secret-key");
        KeyUri scanned = scanQrCode(setUp);
        assertThat(scanned.secret()).as("the QR code holds the secret shown").isEqualTo(OtpSecret.fromBase32(secretKey));
        assertThat(scanned.accountName()).isEqualTo("root-phone@acme");
        assertThat(secretKey).hasSize(64);

        ConsoleServer.Authenticator app = app(setUp, secretKey);
        Response added = browser.submit(setUp.form("form#add-mfa").set("code1", app.code(0)).set("code2", app.code(1)));
        assertThat(added.status()).isEqualTo(303);
        assertThat(added.location()).doesNotContain(secretKey);
        Response success = browser.follow(added);
        assertThat(success.text("#assigned"))
                .startsWith("You have successfully assigned virtual MFA device root-phone.");

        Response after = browser.get(CREDENTIALS);
        assertThat(after.page().select("#mfa-devices tbody tr td").eachText().subList(0, 3))
                .containsExactly("root-phone", "Virtual", "arn:aws:iam::" + account.id() + ":mfa/root-phone");
        assertThat(after.text("#mfa-devices td.created")).endsWith("UTC");
        assertThat(after.body()).doesNotContain(secretKey);
        AuditEvent enabled = events(AuditAction.MFA_DEVICE_ENABLED).get(0);
        assertThat(enabled.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(enabled.origin().caller()).as("the console passes its origin").contains(account.id().rootArn());
        assertThat(enabled.origin().sourceAddress()).isEqualTo("127.0.0.1");

        browser.signOut(CREDENTIALS);
        assertThat(browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD).location())
                .as("the device is asked for at sign-in").isEqualTo("/console/signin/mfa");
    }

    @Test
    void wrongCodesAreRefusedAndTheSameDeviceCanBeTriedAgain() {
        signedInRoot();
        Response setUp = startWizard("root-phone");
        ConsoleServer.Authenticator app = app(setUp, setUp.text("#secret-key"));

        Response refused = browser.submit(setUp.form("form#add-mfa").set("code1", app.wrongCode()).set("code2", app.code(1)));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text(".message.error")).contains("The MFA codes were not accepted");
        assertThat(refused.page().select("#secret-key")).as("the secret is shown once").isEmpty();
        assertThat(refused.form("form#add-mfa").get("serial")).isEqualTo(app.serial());
        Response notCodes = browser.submit(refused.form("form#add-mfa").set("code1", "12345").set("code2", "abcdef"));
        assertThat(notCodes.status()).isEqualTo(400);
        assertThat(notCodes.text(".message.error")).contains("six-digit codes");

        Response added = browser.submit(refused.form("form#add-mfa").set("code1", app.code(0)).set("code2", app.code(1)));
        assertThat(browser.follow(added).text("#assigned")).contains("root-phone");
        assertThat(console.services.mfaDevices().listMfaDevices(account.root(), Optional.empty(), 10).items())
                .extracting(device -> device.serial().value()).containsExactly(app.serial());
    }

    @Test
    void startingTheWizardAgainDeletesTheDeviceItLeftUnassigned() {
        signedInRoot();
        startWizard("root-phone");
        String firstSecret = startWizard("root-phone").text("#secret-key");
        Response third = startWizard("other-name");

        List<MfaDevice> unassigned = console.services.mfaDevices()
                .listVirtualMfaDevices(account.id(), AssignmentStatus.UNASSIGNED, Optional.empty(), 100).items();
        assertThat(unassigned).extracting(device -> device.name()).containsExactly("other-name");
        assertThat(third.text("#secret-key")).isNotEqualTo(firstSecret);
        assertThat(events(AuditAction.MFA_DEVICE_DELETED)).hasSize(2);
    }

    @Test
    void aBadDeviceNameOrATakenOneIsSaidPlainly() {
        signedInRoot();
        Response spaces = startWizard("my phone");
        assertThat(spaces.status()).isEqualTo(400);
        assertThat(spaces.text(".message.error")).contains("no spaces");
        console.enableVirtualMfa(account.root(), "taken");
        Response taken = startWizard("taken");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text(".message.error")).contains("already has an MFA device named taken");
        assertThat(taken.form("form[action=" + ASSIGN + "]").get("name")).isEqualTo("taken");
    }

    @Test
    void resyncTakesTwoConsecutiveCodes() {
        ConsoleServer.Authenticator phone = console.enableVirtualMfa(account.root(), "phone");
        browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD, phone);
        console.clock.advance(Duration.ofSeconds(60));
        Response form = browser.get(link(browser.get(CREDENTIALS), "Resync"));
        assertThat(form.text("#resync-mfa")).contains("phone");

        Response refused = browser.submit(form.form("form#resync-mfa").set("code1", phone.wrongCode()).set("code2", phone.code(1)));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text(".message.error")).contains("not accepted");
        Response resynced = browser.follow(browser.submit(
                refused.form("form#resync-mfa").set("code1", phone.code(0)).set("code2", phone.code(1))));
        assertThat(resynced.text(".message.notice")).isEqualTo("The MFA device is resynchronized.");
        assertThat(events(AuditAction.MFA_DEVICE_RESYNCED)).extracting(AuditEvent::outcome)
                .contains(AuditOutcome.INVALID, AuditOutcome.SUCCESS);
    }

    @Test
    void removalAsksForThePasswordAgainThenForAConfirmationAndDeletesTheVirtualDevice() {
        ConsoleServer.Authenticator phone = console.enableVirtualMfa(account.root(), "phone");
        ConsoleServer.Authenticator tablet = console.enableVirtualMfa(account.root(), "tablet");
        browser.signInAsRoot(ConsoleServer.ROOT_EMAIL, ConsoleServer.PASSWORD);
        browser.follow(browser.enterCode(phone.code(0), Optional.of(phone.serial())));

        Response askPassword = browser.get(CREDENTIALS + "/mfa/remove?serial=" + phone.serial());
        assertThat(askPassword.page().select("form#confirm-remove-mfa")).isEmpty();
        Response wrong = browser.submit(askPassword.form("form#reauthenticate").set("password", "not-the-password"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.text(".message.error")).contains("password was not accepted");
        assertThat(browser.submit(wrong.form("form#reauthenticate")).status())
                .as("an empty password is no password").isEqualTo(401);
        console.clock.advance(Duration.ofSeconds(1));

        Response confirm = browser.follow(browser.submit(
                browser.get(CREDENTIALS + "/mfa/remove?serial=" + phone.serial()).form("form#reauthenticate")
                        .set("password", ConsoleServer.PASSWORD)));
        assertThat(confirm.text("form#confirm-remove-mfa")).contains("Remove MFA device phone").contains("deleted");
        Response removed = browser.follow(browser.submit(confirm.form("form#confirm-remove-mfa")));
        assertThat(removed.text(".message.notice")).contains("The MFA device is removed.");
        assertThat(removed.page().select("#mfa-devices td.name").eachText()).containsExactly("tablet");
        assertThat(console.services.mfaDevices().listVirtualMfaDevices(account.id(), AssignmentStatus.ANY, Optional.empty(), 10)
                .items()).extracting(MfaDevice::name).containsExactly("tablet");
        assertThat(events(AuditAction.REAUTHENTICATION)).extracting(AuditEvent::outcome)
                .containsExactlyInAnyOrder(AuditOutcome.FAILURE, AuditOutcome.SUCCESS);

        Response soon = browser.get(CREDENTIALS + "/mfa/remove?serial=" + tablet.serial());
        assertThat(soon.page().select("form#confirm-remove-mfa")).as("re-authenticated a moment ago").hasSize(1);
        console.clock.advance(Duration.ofMinutes(6));
        Response later = browser.get(CREDENTIALS + "/mfa/remove?serial=" + tablet.serial());
        assertThat(later.page().select("form#reauthenticate")).as("asked again after a few minutes").hasSize(1);
        Response stale = browser.submit(soon.form("form#confirm-remove-mfa"));
        assertThat(stale.location()).as("a confirmation kept open too long goes back to the password")
                .startsWith(CREDENTIALS + "/mfa/remove?serial=");
        assertThat(console.services.mfaDevices().listMfaDevices(account.root(), Optional.empty(), 10).items()).hasSize(1);
    }

    @Test
    void anAdministratorRegistersAHardwareTokenThatIsThenAssignedWithItsCodes() {
        signedInRoot();
        Response step = browser.submit(browser.get(ASSIGN).form("form[action=" + ASSIGN + "]").set("type", "hardware"));
        assertThat(step.text("label[for=serial]")).isEqualTo("Serial number");
        Response unknown = browser.submit(step.form("form#add-hardware-mfa").set("serial", "GAHT12345678")
                .set("code1", "123456").set("code2", "654321"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text(".message.error")).contains("No hardware token with serial number GAHT12345678 is registered");

        OtpSecret seed = OtpSecret.generate();
        Response shortSeed = browser.submit(unknown.form("form#register-hardware-mfa").set("serial", "GAHT12345678")
                .set("seed", "JBSWY3DPEHPK3PXP"));
        assertThat(shortSeed.text(".message.error")).contains("too short");
        Response registered = browser.submit(unknown.form("form#register-hardware-mfa").set("serial", "GAHT12345678")
                .set("seed", seed.toBase32()));
        assertThat(registered.text(".message.notice")).contains("Hardware token GAHT12345678 is registered");
        assertThat(registered.body()).doesNotContain(seed.toBase32());

        ConsoleServer.Authenticator token = new ConsoleServer.Authenticator("GAHT12345678", seed, console.clock);
        Response assigned = browser.follow(browser.submit(registered.form("form#add-hardware-mfa")
                .set("code1", token.code(0)).set("code2", token.code(1))));
        assertThat(assigned.text("#assigned")).startsWith("You have successfully assigned hardware MFA device GAHT12345678.");
        assertThat(assigned.text("#mfa-devices td.type")).isEqualTo("Hardware TOTP");
        assertThat(console.services.mfaDevices().getMfaDevice(account.id(), SerialNumber.of("GAHT12345678")).kind())
                .isEqualTo(MfaDeviceKind.HARDWARE_TOTP);
    }

    @Test
    void anIamUserManagesItsOwnDevicesButCannotRegisterTokens() {
        IamUser alice = console.createUser(account, "alice", false, false);
        browser.follow(browser.signInAsUser("acme", "alice", ConsoleServer.PASSWORD));
        Response setUp = startWizard("alice-phone");
        assertThat(scanQrCode(setUp).accountName()).isEqualTo("alice-phone@alice");
        ConsoleServer.Authenticator app = app(setUp, setUp.text("#secret-key"));
        browser.submit(setUp.form("form#add-mfa").set("code1", app.code(0)).set("code2", app.code(1)));
        assertThat(console.services.mfaDevices().listMfaDevices(alice.principal(), Optional.empty(), 10).items())
                .extracting(MfaDevice::name).containsExactly("alice-phone");

        console.clock.advance(Duration.ofSeconds(60));
        Response resync = browser.get(link(browser.get(CREDENTIALS), "Resync"));
        assertThat(browser.follow(browser.submit(resync.form("form#resync-mfa").set("code1", app.code(0))
                .set("code2", app.code(1)))).text(".message.notice")).contains("resynchronized");

        Response hardware = browser.submit(browser.get(ASSIGN).form("form[action=" + ASSIGN + "]").set("type", "hardware"));
        assertThat(hardware.page().select("form#register-hardware-mfa")).isEmpty();
        assertThat(hardware.text("main")).contains("ask an administrator to register it");
        Response forced = browser.post(CREDENTIALS + "/mfa/hardware/register", java.util.Map.of("csrf",
                hardware.form("form#add-hardware-mfa").get("csrf"), "serial", "GAHT00000001",
                "seed", OtpSecret.generate().toBase32()));
        assertThat(forced.status()).isEqualTo(403);

        Response password = browser.submit(browser.get(CREDENTIALS + "/mfa/remove?serial=" + app.serial())
                .form("form#reauthenticate").set("password", ConsoleServer.PASSWORD));
        Response removed = browser.follow(browser.submit(browser.follow(password).form("form#confirm-remove-mfa")));
        assertThat(removed.text(".message.notice")).contains("removed");
        assertThat(console.services.mfaDevices().listMfaDevices(alice.principal(), Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    void anotherPrincipalsDeviceCannotBeResyncedOrRemovedFromThesePages() {
        IamUser bob = console.createUser(account, "bob", false, false);
        ConsoleServer.Authenticator bobs = console.enableVirtualMfa(bob.principal(), "bob-phone");
        signedInRoot();
        assertThat(browser.get(CREDENTIALS + "/mfa/resync?serial=" + bobs.serial()).status()).isEqualTo(404);
        assertThat(browser.get(CREDENTIALS + "/mfa/remove?serial=" + bobs.serial()).status()).isEqualTo(404);
        assertThat(console.services.mfaDevices().listMfaDevices(bob.principal(), Optional.empty(), 10).items()).hasSize(1);
    }

    private Response startWizard(String deviceName) {
        HtmlForm chooser = browser.get(ASSIGN).form("form[action=" + ASSIGN + "]");
        return browser.submit(chooser.set("name", deviceName).set("type", "virtual"));
    }

    private ConsoleServer.Authenticator app(Response setUp, String secretKey) {
        return new ConsoleServer.Authenticator(setUp.form("form#add-mfa").get("serial"), OtpSecret.fromBase32(secretKey),
                console.clock);
    }

    /** Reads the QR code's PNG from its data: URL with the same reader the CLI uses. */
    private static KeyUri scanQrCode(Response setUp) {
        String source = setUp.page().selectFirst("img#qr-code").attr("src");
        assertThat(source).startsWith("data:image/png;base64,");
        KeyUri keyUri = new KeyUriQrCodes().read(Base64.getDecoder().decode(source.substring(source.indexOf(',') + 1)));
        assertThat(keyUri.totpParameters()).isEqualTo(TotpParameters.AWS_DEFAULT);
        return keyUri;
    }

    private static String link(Response page, String text) {
        Element link = page.page().select("#mfa-devices a").stream().filter(a -> a.text().startsWith(text)).findFirst()
                .orElseThrow();
        return link.attr("href");
    }

    private List<AuditEvent> events(AuditAction action) {
        return console.services.store().read(session -> session.audit().recent(account.id(), 1000)).stream()
                .filter(event -> event.action() == action).toList();
    }
}
