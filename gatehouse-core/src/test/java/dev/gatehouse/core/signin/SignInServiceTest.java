package dev.gatehouse.core.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.PasswordPolicy;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.Argon2Parameters;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.crypto.PasswordHasher;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.mfa.VerificationOutcome;
import dev.gatehouse.core.testing.Gatehouse;
import dev.gatehouse.core.throttle.FailureThrottle;
import dev.gatehouse.core.throttle.ThrottlePolicy;
import dev.gatehouse.core.testing.InMemoryStore;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInServiceTest {

    private static final Origin ORIGIN = new Origin("198.51.100.4", "browser");

    private final InMemoryStore store = new InMemoryStore();
    private final Gatehouse gatehouse = new Gatehouse(store);
    private Account account;

    @BeforeEach
    void createAnAccount() {
        account = gatehouse.accounts.createAccount("root@example.com", "general", "Correct-Horse-7");
    }

    @Test
    void signsInRootByEmailIgnoringCase() {
        PasswordSignIn result = gatehouse.signIn.signInRoot("ROOT@example.com", Password.of("Correct-Horse-7"), ORIGIN);
        assertThat(result.outcome()).isEqualTo(SignInOutcome.SIGNED_IN);
        assertThat(result.principal()).isEqualTo(account.root());
    }

    @Test
    void keepsAUserWhosePasswordExpiredUnderAHardExpiryOutUntilAnAdministratorResetsIt() {
        IamUser alice = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, ORIGIN);
        gatehouse.passwords.createLoginProfile(alice.principal(), Password.of("Correct-Horse-7"), false, ORIGIN);
        gatehouse.accounts.updatePasswordPolicy(account.id(), new PasswordPolicy(8, false, false, false, false, 3, 0, 30,
                true, true), ORIGIN);
        gatehouse.clock.advance(Duration.ofDays(30));

        PasswordSignIn expired = gatehouse.signIn.signInUser("general", "alice", Password.of("Correct-Horse-7"), ORIGIN);
        assertThat(expired.outcome()).isEqualTo(SignInOutcome.EXPIRED);
        assertThat(expired.principal()).isEqualTo(alice.principal());
        AuditEvent refused = store.auditEvents().get(store.auditEvents().size() - 1);
        assertThat(refused.action()).isEqualTo(AuditAction.SIGN_IN_PASSWORD);
        assertThat(refused.outcome()).isEqualTo(AuditOutcome.FAILURE);
        assertThat(refused.detail()).contains("expired");
        assertThat(gatehouse.passwords.findLoginProfile(alice.principal()).orElseThrow().lastUsed())
                .as("not a use of the password").isEmpty();
        assertThat(gatehouse.signIn.signInUser("general", "alice", Password.of("wrong"), ORIGIN).outcome())
                .as("a wrong password learns nothing of it").isEqualTo(SignInOutcome.FAILED);
        PasswordSignIn root = gatehouse.signIn.signInRoot("root@example.com", Password.of("Correct-Horse-7"), ORIGIN);
        assertThat(root.outcome()).as("the policy binds IAM users, not the root user").isEqualTo(SignInOutcome.SIGNED_IN);
        assertThat(root.passwordChangeRequired()).as("nor does its expiry").isFalse();

        gatehouse.passwords.resetPassword(alice.principal(), Password.of("Reset-Horse-8"), true, ORIGIN);
        PasswordSignIn reset = gatehouse.signIn.signInUser("general", "alice", Password.of("Reset-Horse-8"), ORIGIN);
        assertThat(reset.outcome()).isEqualTo(SignInOutcome.SIGNED_IN);
        assertThat(reset.passwordChangeRequired()).isTrue();
    }

    @Test
    void failsTheSameWayForAWrongPasswordAndAnUnknownPrincipal() {
        assertThat(gatehouse.signIn.signInRoot("root@example.com", Password.of("wrong"), ORIGIN).outcome())
                .isEqualTo(SignInOutcome.FAILED);
        assertThat(gatehouse.signIn.signInRoot("nobody@example.com", Password.of("wrong"), ORIGIN).outcome())
                .isEqualTo(SignInOutcome.FAILED);
        assertThat(gatehouse.signIn.signInUser("general", "no such user!", Password.of("wrong"), ORIGIN).outcome())
                .isEqualTo(SignInOutcome.FAILED);
        assertThat(store.auditEvents()).filteredOn(event -> event.action() == AuditAction.SIGN_IN_PASSWORD)
                .extracting(event -> event.outcome()).containsOnly(AuditOutcome.FAILURE).hasSize(3);
    }

    @Test
    void asksForAnMfaCodeWhenThePrincipalHasADeviceAndAcceptsItOnce() {
        IamUser alice = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, ORIGIN);
        gatehouse.passwords.createLoginProfile(alice.principal(), Password.of("Correct-Horse-7"), false, ORIGIN);
        NewVirtualMfaDevice device = enabledDevice(alice.principal(), "alice");
        TotpGenerator totp = new TotpGenerator(TotpParameters.AWS_DEFAULT);
        gatehouse.clock.advance(Duration.ofSeconds(30));

        PasswordSignIn result = gatehouse.signIn.signInUser(account.id().value(), "alice",
                Password.of("Correct-Horse-7"), ORIGIN);
        assertThat(result.outcome()).isEqualTo(SignInOutcome.MFA_REQUIRED);
        String code = totp.generateOneTimePassword(device.seed(), gatehouse.clock.instant());
        assertThat(gatehouse.signIn.verifyMfa(result.principal(), device.device().serial(), code, ORIGIN))
                .isEqualTo(VerificationOutcome.ACCEPTED);
        assertThat(gatehouse.signIn.verifyMfa(result.principal(), device.device().serial(), code, ORIGIN))
                .isEqualTo(VerificationOutcome.REPLAYED);
    }

    @Test
    void whatFollowsThePasswordStepCommitsWithItsRecordOrUndoesIt() {
        String opened = gatehouse.signIn.signInRoot("root@example.com", Password.of("Correct-Horse-7"), ORIGIN,
                (session, result) -> {
                    assertThat(session.audit().recent(account.id(), 10)).as("the record is in the same unit of work")
                            .anyMatch(event -> event.action() == AuditAction.SIGN_IN_PASSWORD);
                    return "opened";
                });
        assertThat(opened).isEqualTo("opened");
        int recorded = store.auditEvents().size();

        assertThatThrownBy(() -> gatehouse.signIn.signInRoot("root@example.com", Password.of("guess"), ORIGIN,
                (session, result) -> {
                    throw new IllegalStateException("the session could not be written");
                })).hasMessageContaining("could not be written");

        assertThat(store.auditEvents()).as("the failure's record went with it").hasSize(recorded);
    }

    @Test
    void aCodeWhoseFollowingWorkFailsStaysUnused() {
        NewVirtualMfaDevice device = enabledRootDevice();
        gatehouse.clock.advance(Duration.ofSeconds(30));
        String code = new TotpGenerator(TotpParameters.AWS_DEFAULT).generateOneTimePassword(device.seed(),
                gatehouse.clock.instant());

        assertThatThrownBy(() -> gatehouse.signIn.verifyMfa(account.root(), device.device().serial(), code, ORIGIN,
                (session, outcome) -> {
                    throw new IllegalStateException("the session could not be written");
                })).hasMessageContaining("could not be written");

        assertThat(gatehouse.signIn.verifyMfa(account.root(), device.device().serial(), code, ORIGIN))
                .isEqualTo(VerificationOutcome.ACCEPTED);
    }

    private NewVirtualMfaDevice enabledRootDevice() {
        return enabledDevice(account.root(), "root");
    }

    /** A virtual device named {@code name}, enabled for {@code principal} with the codes of the last two steps. */
    private NewVirtualMfaDevice enabledDevice(PrincipalRef principal, String name) {
        NewVirtualMfaDevice device = gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT,
                DeviceName.of(name), Tags.NONE, ORIGIN);
        TotpGenerator totp = new TotpGenerator(TotpParameters.AWS_DEFAULT);
        long step = TotpParameters.AWS_DEFAULT.stepAt(gatehouse.clock.instant());
        gatehouse.mfaDevices.enableMfaDevice(principal, device.device().serial(),
                totp.generateOneTimePasswordAtStep(device.seed(), step - 1),
                totp.generateOneTimePasswordAtStep(device.seed(), step), ORIGIN);
        return device;
    }

    @Test
    void rehashesAWeakHashAtTheNextSignIn() {
        Gatehouse stronger = new Gatehouse(store);
        SignInService upgraded = new SignInService(store, new PasswordHasher(new Argon2Parameters(128, 2, 1)),
                stronger.verifier, new FailureThrottle(ThrottlePolicy.DEFAULT), stronger.audit, stronger.clock);
        upgraded.signInRoot("root@example.com", Password.of("Correct-Horse-7"), ORIGIN);
        assertThat(gatehouse.passwords.findLoginProfile(account.root()).orElseThrow().passwordHash().phc())
                .contains("m=128,t=2,p=1");
        assertThat(upgraded.signInRoot("root@example.com", Password.of("Correct-Horse-7"), ORIGIN).outcome())
                .isEqualTo(SignInOutcome.SIGNED_IN);
    }

    @Test
    void slowsPasswordGuessingWithoutSayingSoAndUnblocksAfterTheDelay() {
        for (int i = 0; i < 3; i++) {
            assertThat(gatehouse.signIn.signInRoot("root@example.com", Password.of("guess-" + i), ORIGIN).outcome())
                    .isEqualTo(SignInOutcome.FAILED);
        }
        assertThat(gatehouse.signIn.signInRoot("root@example.com", Password.of("Correct-Horse-7"), ORIGIN).outcome())
                .isEqualTo(SignInOutcome.FAILED);
        assertThat(store.auditEvents()).extracting(event -> event.outcome()).contains(AuditOutcome.THROTTLED);
        gatehouse.clock.advance(Duration.ofSeconds(1));
        assertThat(gatehouse.signIn.signInRoot("root@example.com", Password.of("Correct-Horse-7"), ORIGIN).outcome())
                .isEqualTo(SignInOutcome.SIGNED_IN);
    }

    @Test
    void countsPasswordFailuresApartFromMfaFailures() {
        NewVirtualMfaDevice device = enabledRootDevice();
        TotpGenerator totp = new TotpGenerator(TotpParameters.AWS_DEFAULT);
        for (int i = 0; i < 9; i++) {
            gatehouse.signIn.signInRoot("root@example.com", Password.of("guess-" + i), ORIGIN);
            gatehouse.clock.advance(Duration.ofMinutes(5));
        }
        assertThat(gatehouse.signIn.verifyMfa(account.root(), device.device().serial(),
                totp.generateOneTimePassword(device.seed(), gatehouse.clock.instant()), ORIGIN))
                .isEqualTo(VerificationOutcome.ACCEPTED);
    }

    @Test
    void asksForAChangeOfAPasswordResetByAnAdministrator() {
        gatehouse.passwords.resetPassword(account.root(), Password.of("Temporary-Pass-1"), true, ORIGIN);
        assertThat(gatehouse.signIn.signInRoot("root@example.com", Password.of("Temporary-Pass-1"), ORIGIN)
                .passwordChangeRequired()).isTrue();
    }

    @Test
    void reauthenticationChecksThePasswordAndSharesTheSignInThrottle() {
        assertThat(gatehouse.signIn.reauthenticate(account.root(), Password.of("Correct-Horse-7"), ORIGIN)).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(gatehouse.signIn.reauthenticate(account.root(), Password.of("guess-" + i), ORIGIN)).isFalse();
        }
        assertThat(gatehouse.signIn.reauthenticate(account.root(), Password.of("Correct-Horse-7"), ORIGIN))
                .as("throttled: not even tried").isFalse();
        assertThat(gatehouse.signIn.signInRoot("root@example.com", Password.of("Correct-Horse-7"), ORIGIN).outcome())
                .as("the sign-in shares the count").isEqualTo(SignInOutcome.FAILED);
        assertThat(store.auditEvents()).filteredOn(event -> event.action() == AuditAction.REAUTHENTICATION)
                .extracting(event -> event.outcome())
                .containsExactly(AuditOutcome.SUCCESS, AuditOutcome.FAILURE, AuditOutcome.FAILURE, AuditOutcome.FAILURE,
                        AuditOutcome.THROTTLED);
        gatehouse.clock.advance(Duration.ofSeconds(1));
        assertThat(gatehouse.signIn.reauthenticate(account.root(), Password.of("Correct-Horse-7"), ORIGIN)).isTrue();
    }
}
