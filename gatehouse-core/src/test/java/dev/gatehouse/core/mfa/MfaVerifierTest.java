package dev.gatehouse.core.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.testing.Gatehouse;
import dev.gatehouse.core.testing.InMemoryStore;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MfaVerifierTest {

    private static final TotpGenerator TOTP = new TotpGenerator(TotpParameters.AWS_DEFAULT);
    private static final Origin ORIGIN = new Origin("192.0.2.7", "test");

    private final InMemoryStore store = new InMemoryStore();
    private final Gatehouse gatehouse = new Gatehouse(store);
    private PrincipalRef root;
    private SerialNumber serial;
    private OtpSecret seed;

    @BeforeEach
    void enableADeviceForRoot() {
        Account account = gatehouse.accounts.createAccount("root@example.com", null, "Correct-Horse-7");
        root = account.root();
        NewVirtualMfaDevice created = gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT,
                DeviceName.ROOT_ACCOUNT_MFA_DEVICE, Tags.NONE, ORIGIN);
        serial = created.device().serial();
        seed = created.seed();
        long now = step();
        gatehouse.mfaDevices.enableMfaDevice(root, serial, code(now - 1), code(now), ORIGIN);
        gatehouse.clock.advance(Duration.ofSeconds(30));
    }

    @Test
    void acceptsTheCurrentCode() {
        assertThat(verify(code(step()))).isEqualTo(VerificationOutcome.ACCEPTED);
    }

    @Test
    void acceptsTheCodeOfTheStepBeforeOrAfterForNetworkDelay() {
        // The step before now is the one the device was enabled with; move past it.
        gatehouse.clock.advance(Duration.ofSeconds(30));
        assertThat(verify(code(step() - 1))).isEqualTo(VerificationOutcome.ACCEPTED);
        gatehouse.clock.advance(Duration.ofSeconds(30));
        assertThat(verify(code(step() + 1))).isEqualTo(VerificationOutcome.ACCEPTED);
    }

    @Test
    void rejectsACodeTwoStepsAway() {
        assertThat(verify(code(step() + 2))).isEqualTo(VerificationOutcome.INVALID);
        assertThat(verify(code(step() - 2))).isEqualTo(VerificationOutcome.INVALID);
    }

    @Test
    void rejectsACodeAlreadyUsedInTheSameStep() {
        String code = code(step());
        assertThat(verify(code)).isEqualTo(VerificationOutcome.ACCEPTED);
        assertThat(verify(code)).isEqualTo(VerificationOutcome.REPLAYED);
    }

    @Test
    void rejectsAnEarlierStepOnceALaterOneWasAccepted() {
        assertThat(verify(code(step() + 1))).isEqualTo(VerificationOutcome.ACCEPTED);
        assertThat(verify(code(step()))).isEqualTo(VerificationOutcome.REPLAYED);
    }

    @Test
    void treatsTheCodesUsedToEnableTheDeviceAsUsed() {
        gatehouse.clock.advance(Duration.ofSeconds(-30));
        assertThat(verify(code(step()))).isEqualTo(VerificationOutcome.REPLAYED);
    }

    @Test
    void rejectsMalformedCodes() {
        assertThat(verify("12345")).isEqualTo(VerificationOutcome.INVALID);
        assertThat(verify("abcdef")).isEqualTo(VerificationOutcome.INVALID);
        assertThat(verify(null)).isEqualTo(VerificationOutcome.INVALID);
    }

    @Test
    void refusesASerialThatIsNotEnabledForThePrincipal() {
        assertThat(gatehouse.verifier.verify(root, SerialNumber.of("GAHT12345678"), code(step()), ORIGIN))
                .isEqualTo(VerificationOutcome.UNKNOWN_DEVICE);
    }

    @Test
    void refusesEveryDeviceOfALockedPrincipal() {
        for (int failure = 1; failure <= 10; failure++) {
            gatehouse.verifier.verify(root, SerialNumber.of("GAHT12345678"), "000000", ORIGIN);
            gatehouse.clock.advance(Duration.ofMinutes(5));
        }
        gatehouse.clock.advance(Duration.ofMinutes(-5));
        assertThat(verify(code(step()))).isEqualTo(VerificationOutcome.THROTTLED);
        assertThat(gatehouse.verifier.verify(root, SerialNumber.of("GAHT12345678"), "000000", ORIGIN))
                .isEqualTo(VerificationOutcome.THROTTLED);
    }

    @Test
    void followsTheDriftLearnedAtResync() {
        // The phone's clock runs four minutes fast: eight steps.
        long phone = step() + 8;
        gatehouse.mfaDevices.resyncMfaDevice(root, serial, code(phone), code(phone + 1), ORIGIN);
        gatehouse.clock.advance(Duration.ofSeconds(60));
        assertThat(verify(code(step() + 8))).isEqualTo(VerificationOutcome.ACCEPTED);
        gatehouse.clock.advance(Duration.ofSeconds(30));
        assertThat(verify(code(step()))).isEqualTo(VerificationOutcome.INVALID);
    }

    @Test
    void delaysGuessesFromTheThirdFailureAndDoublesTheDelay() {
        assertThat(verify("000000")).isEqualTo(VerificationOutcome.INVALID);
        assertThat(verify("000000")).isEqualTo(VerificationOutcome.INVALID);
        assertThat(verify("000000")).isEqualTo(VerificationOutcome.INVALID);
        assertThat(verify(code(step()))).isEqualTo(VerificationOutcome.THROTTLED);
        gatehouse.clock.advance(Duration.ofSeconds(1));
        assertThat(verify("000000")).isEqualTo(VerificationOutcome.INVALID);
        gatehouse.clock.advance(Duration.ofSeconds(1));
        assertThat(verify(code(step()))).isEqualTo(VerificationOutcome.THROTTLED);
        gatehouse.clock.advance(Duration.ofSeconds(1));
        assertThat(verify(code(step()))).isEqualTo(VerificationOutcome.ACCEPTED);
    }

    @Test
    void locksForFifteenMinutesAfterTenFailuresEvenForTheRightCode() {
        for (int failure = 1; failure <= 10; failure++) {
            assertThat(verify("000000")).isEqualTo(VerificationOutcome.INVALID);
            gatehouse.clock.advance(Duration.ofMinutes(5));
        }
        gatehouse.clock.advance(Duration.ofMinutes(-5).plusMinutes(14));
        assertThat(verify(code(step()))).isEqualTo(VerificationOutcome.THROTTLED);
        gatehouse.clock.advance(Duration.ofMinutes(1));
        assertThat(verify(code(step()))).isEqualTo(VerificationOutcome.ACCEPTED);
    }

    @Test
    void tellsUntilWhenCodesAreRefused() {
        assertThat(gatehouse.verifier.blockedUntil(root, serial)).isEmpty();
        verify("000000");
        verify("000000");
        verify("000000");
        assertThat(gatehouse.verifier.blockedUntil(root, serial)).as("the third failure delays the next attempt")
                .contains(gatehouse.clock.instant().plusSeconds(1));
        for (int failure = 4; failure <= 10; failure++) {
            gatehouse.clock.advance(Duration.ofMinutes(5));
            verify("000000");
        }
        assertThat(gatehouse.verifier.blockedUntil(root, serial)).contains(gatehouse.clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void countsReplaysAsFailures() {
        String code = code(step());
        verify(code);
        verify(code);
        verify(code);
        assertThat(verify(code)).isEqualTo(VerificationOutcome.REPLAYED);
        assertThat(verify(code(step() + 1))).isEqualTo(VerificationOutcome.THROTTLED);
    }

    @Test
    void resetsTheFailureCountOnSuccess() {
        verify("000000");
        verify("000000");
        assertThat(verify(code(step()))).isEqualTo(VerificationOutcome.ACCEPTED);
        verify("000000");
        verify("000000");
        gatehouse.clock.advance(Duration.ofSeconds(30));
        assertThat(verify(code(step()))).isEqualTo(VerificationOutcome.ACCEPTED);
    }

    @Test
    void auditsEveryOutcomeWithItsOrigin() {
        String code = code(step());
        verify(code);
        verify(code);
        verify("000000");
        List<AuditOutcome> outcomes = store.auditEvents().stream()
                .filter(event -> event.action() == AuditAction.MFA_VERIFICATION).map(AuditEvent::outcome).toList();
        assertThat(outcomes).containsExactly(AuditOutcome.ACCEPTED, AuditOutcome.REPLAYED, AuditOutcome.INVALID);
        assertThat(store.auditEvents()).filteredOn(event -> event.action() == AuditAction.MFA_VERIFICATION)
                .allSatisfy(event -> assertThat(event.origin()).isEqualTo(ORIGIN))
                .allSatisfy(event -> assertThat(event.actor()).isEqualTo(root.accountId().rootArn()));
    }

    @Test
    void acceptsTheSameCodeOnceWhenSixteenThreadsRace() throws Exception {
        String code = code(step());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<VerificationOutcome>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                attempts.add(() -> {
                    start.await();
                    return verify(code);
                });
            }
            List<Future<VerificationOutcome>> futures = new ArrayList<>();
            attempts.forEach(attempt -> futures.add(pool.submit(attempt)));
            start.countDown();
            List<VerificationOutcome> outcomes = new ArrayList<>();
            for (Future<VerificationOutcome> future : futures) {
                outcomes.add(future.get());
            }
            assertThat(outcomes).filteredOn(VerificationOutcome::accepted).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private VerificationOutcome verify(String code) {
        return gatehouse.verifier.verify(root, serial, code, ORIGIN);
    }

    private long step() {
        return TotpParameters.AWS_DEFAULT.stepAt(gatehouse.clock.instant());
    }

    private String code(long step) {
        return TOTP.generateOneTimePasswordAtStep(seed, step);
    }
}
