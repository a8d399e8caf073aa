package dev.gatehouse.core.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.PasswordPolicy;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.console.ConsoleSignIn.CodeStep;
import dev.gatehouse.core.console.ConsoleSignIn.PasswordStep;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.mfa.VerificationOutcome;
import dev.gatehouse.core.signin.SignInOutcome;
import dev.gatehouse.core.testing.Gatehouse;
import dev.gatehouse.core.testing.InMemoryStore;
import dev.gatehouse.core.testing.WriteCountingStore;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsoleSignInTest {

    private static final Origin ORIGIN = new Origin("198.51.100.4", "browser");
    private static final String PASSWORD = "Correct-Horse-7";
    private static final TotpGenerator TOTP = new TotpGenerator(TotpParameters.AWS_DEFAULT);

    private final InMemoryStore store = new InMemoryStore();
    /** Units of work that write; each is one durable commit on a real store. */
    private final WriteCountingStore counted = new WriteCountingStore(store);
    private final Gatehouse gatehouse = new Gatehouse(counted);
    private final ConsoleSessionService sessions = new ConsoleSessionService(gatehouse.store, gatehouse.audit,
            ConsoleSessionLimits.DEFAULT, gatehouse.clock, new SecureRandom());
    private final ConsoleSignIn steps = new ConsoleSignIn(gatehouse.signIn, sessions);
    private Account account;
    private SerialNumber serial;
    private OtpSecret seed;

    @BeforeEach
    void createAUserWithAnMfaDevice() {
        account = gatehouse.accounts.createAccount("root@example.com", "general", PASSWORD);
        IamUser alice = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, ORIGIN);
        gatehouse.passwords.createLoginProfile(alice.principal(), Password.of(PASSWORD), false, ORIGIN);
        NewVirtualMfaDevice device = gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT,
                DeviceName.of("alice"), Tags.NONE, ORIGIN);
        long step = TotpParameters.AWS_DEFAULT.stepAt(gatehouse.clock.instant());
        gatehouse.mfaDevices.enableMfaDevice(alice.principal(), device.device().serial(),
                TOTP.generateOneTimePasswordAtStep(device.seed(), step - 1),
                TOTP.generateOneTimePasswordAtStep(device.seed(), step), ORIGIN);
        serial = device.device().serial();
        seed = device.seed();
        gatehouse.clock.advance(Duration.ofSeconds(30));
    }

    @Test
    void thePasswordStepRecordsTheSignInAndOpensThePendingSessionInOneUnitOfWork() {
        int before = counted.writes();

        PasswordStep step = aliceSignsIn(PASSWORD);

        assertThat(counted.writes()).isEqualTo(before + 1);
        assertThat(step.result().outcome()).isEqualTo(SignInOutcome.MFA_REQUIRED);
        IssuedConsoleSession issued = step.session().orElseThrow();
        assertThat(issued.session().state()).isEqualTo(ConsoleSessionState.PENDING_MFA);
        assertThat(sessions.resume(issued.id())).isPresent();
        assertThat(store.auditEvents()).filteredOn(event -> event.action() == AuditAction.SIGN_IN_PASSWORD)
                .extracting(AuditEvent::outcome).containsExactly(AuditOutcome.SUCCESS);
    }

    @Test
    void aRootUserWithoutMfaIsSignedInByThePasswordStep() {
        PasswordStep step = steps.signInRoot("root@example.com", Password.of(PASSWORD), ORIGIN, Optional.empty());

        assertThat(step.result().outcome()).isEqualTo(SignInOutcome.SIGNED_IN);
        assertThat(step.session().orElseThrow().session().state()).isEqualTo(ConsoleSessionState.AUTHENTICATED);
    }

    @Test
    void aPasswordExpiredUnderAHardExpiryOpensNoSession() {
        gatehouse.accounts.updatePasswordPolicy(account.id(), new PasswordPolicy(8, false, false, false, false, 3, 0, 30,
                true, true), ORIGIN);
        gatehouse.clock.advance(Duration.ofDays(30));

        PasswordStep step = aliceSignsIn(PASSWORD);

        assertThat(step.result().outcome()).isEqualTo(SignInOutcome.EXPIRED);
        assertThat(step.session()).isEmpty();
        assertThat(sessions.endAll(step.result().principal())).as("no session of alice's was stored").isZero();
    }

    @Test
    void aWrongPasswordOpensNoSessionAndIsAudited() {
        PasswordStep step = aliceSignsIn("Wrong-Horse-7");

        assertThat(step.result().outcome()).isEqualTo(SignInOutcome.FAILED);
        assertThat(step.session()).isEmpty();
        assertThat(store.auditEvents()).filteredOn(event -> event.action() == AuditAction.SIGN_IN_PASSWORD)
                .extracting(AuditEvent::outcome).containsExactly(AuditOutcome.FAILURE);
    }

    @Test
    void theSessionTheBrowserHeldIsReplacedByThePasswordStep() {
        IssuedConsoleSession held = steps.signInRoot("root@example.com", Password.of(PASSWORD), ORIGIN, Optional.empty())
                .session().orElseThrow();

        IssuedConsoleSession next = steps.signInRoot("root@example.com", Password.of(PASSWORD), ORIGIN,
                Optional.of(held.id())).session().orElseThrow();

        assertThat(next.id()).isNotEqualTo(held.id());
        assertThat(sessions.resume(held.id())).isEmpty();
    }

    @Test
    void anAcceptedCodeCompletesTheSignInUnderANewIdInOneUnitOfWork() {
        IssuedConsoleSession pending = aliceSignsIn(PASSWORD).session().orElseThrow();
        int before = counted.writes();

        CodeStep step = steps.verifyCode(pending.session(), serial, currentCode(), ORIGIN);

        assertThat(counted.writes()).isEqualTo(before + 1);
        assertThat(step.outcome()).isEqualTo(VerificationOutcome.ACCEPTED);
        IssuedConsoleSession signedIn = step.session().orElseThrow();
        assertThat(signedIn.id()).isNotEqualTo(pending.id());
        assertThat(signedIn.session().state()).isEqualTo(ConsoleSessionState.AUTHENTICATED);
        assertThat(signedIn.session().mfaUsed()).isTrue();
        assertThat(sessions.resume(pending.id())).isEmpty();
        assertThat(store.auditEvents()).filteredOn(event -> event.action() == AuditAction.SIGN_IN_MFA)
                .singleElement().satisfies(event -> {
                    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
                    assertThat(event.mfaUsed()).isTrue();
                });
    }

    @Test
    void aWrongCodeKeepsThePendingSessionAndIsAudited() {
        IssuedConsoleSession pending = aliceSignsIn(PASSWORD).session().orElseThrow();
        String wrong = currentCode().equals("000000") ? "111111" : "000000";

        CodeStep step = steps.verifyCode(pending.session(), serial, wrong, ORIGIN);

        assertThat(step.outcome()).isEqualTo(VerificationOutcome.INVALID);
        assertThat(step.session()).isEmpty();
        assertThat(sessions.resume(pending.id())).isPresent();
        assertThat(store.auditEvents()).filteredOn(event -> event.action() == AuditAction.SIGN_IN_MFA)
                .extracting(AuditEvent::outcome).containsExactly(AuditOutcome.INVALID);
    }

    @Test
    void aCodeUsedOnceIsRefusedAtTheNextSignIn() {
        String code = currentCode();
        steps.verifyCode(aliceSignsIn(PASSWORD).session().orElseThrow().session(), serial, code, ORIGIN);

        CodeStep again = steps.verifyCode(aliceSignsIn(PASSWORD).session().orElseThrow().session(), serial, code, ORIGIN);

        assertThat(again.outcome()).isEqualTo(VerificationOutcome.REPLAYED);
        assertThat(again.session()).isEmpty();
    }

    @Test
    void anAcceptedCodeWhosePendingSessionIsGoneIsUsedUpAndOpensNothing() {
        IssuedConsoleSession pending = aliceSignsIn(PASSWORD).session().orElseThrow();
        sessions.end(pending.session(), ORIGIN);
        String code = currentCode();

        CodeStep step = steps.verifyCode(pending.session(), serial, code, ORIGIN);

        assertThat(step.outcome()).isEqualTo(VerificationOutcome.ACCEPTED);
        assertThat(step.session()).isEmpty();
        assertThat(gatehouse.signIn.verifyMfa(pending.session().principal(), serial, code, ORIGIN))
                .isEqualTo(VerificationOutcome.REPLAYED);
    }

    @Test
    void onlyAPendingSessionTakesACode() {
        IssuedConsoleSession signedIn = steps.signInRoot("root@example.com", Password.of(PASSWORD), ORIGIN, Optional.empty())
                .session().orElseThrow();
        int before = counted.writes();

        assertThatThrownBy(() -> steps.verifyCode(signedIn.session(), serial, currentCode(), ORIGIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(counted.writes()).as("nothing verified").isEqualTo(before);
    }

    private PasswordStep aliceSignsIn(String password) {
        return steps.signInUser(account.id().value(), "alice", Password.of(password), ORIGIN, Optional.empty());
    }

    private String currentCode() {
        return TOTP.generateOneTimePassword(seed, gatehouse.clock.instant());
    }
}
