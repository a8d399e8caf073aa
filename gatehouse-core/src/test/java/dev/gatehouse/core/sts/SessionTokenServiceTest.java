package dev.gatehouse.core.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditOutcome;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.error.AccessDeniedException;
import dev.gatehouse.core.error.GatehouseException;
import dev.gatehouse.core.error.ValidationException;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.testing.Gatehouse;
import dev.gatehouse.core.testing.InMemoryStore;
import dev.gatehouse.core.user.AccessKeyId;
import dev.gatehouse.core.user.AccessKeyStatus;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionTokenServiceTest {

    private static final TotpGenerator TOTP = new TotpGenerator(TotpParameters.AWS_DEFAULT);
    private static final Origin ORIGIN = new Origin("arn:aws:iam::123456789012:root", "192.0.2.7", "test");

    private final InMemoryStore store = new InMemoryStore();
    private final Gatehouse gatehouse = new Gatehouse(store);
    private Account account;
    private PrincipalRef root;
    private String rootKey;
    private PrincipalRef alice;
    private String aliceKey;
    private SerialNumber serial;
    private OtpSecret seed;

    @BeforeEach
    void createPrincipalsWithKeysAndEnableRootMfa() {
        account = gatehouse.accounts.createAccount("root@example.com", null, "Correct-Horse-7");
        root = account.root();
        rootKey = gatehouse.accessKeys.createAccessKey(root, ORIGIN).key().id().value();
        IamUser user = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, ORIGIN);
        alice = user.principal();
        aliceKey = gatehouse.accessKeys.createAccessKey(alice, ORIGIN).key().id().value();
        NewVirtualMfaDevice created = gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT,
                DeviceName.ROOT_ACCOUNT_MFA_DEVICE, Tags.NONE, ORIGIN);
        serial = created.device().serial();
        seed = created.seed();
        long now = step();
        gatehouse.mfaDevices.enableMfaDevice(root, serial, code(now - 1), code(now), ORIGIN);
        // The codes used to enable the device are spent; move to a fresh step.
        gatehouse.clock.advance(Duration.ofSeconds(30));
    }

    @Test
    void issuesCredentialsInAwsFormats() {
        IssuedSessionCredentials issued = issueWithoutMfa(alice, aliceKey, Optional.empty());
        assertThat(issued.accessKeyId().value()).matches("ASIA[A-Z0-9]{16}");
        assertThat(issued.secretAccessKey().reveal()).hasSize(40);
        assertThat(issued.sessionToken().reveal()).matches("[A-Za-z0-9_-]{86}");
        assertThat(issued.mfa().present()).isFalse();
    }

    @Test
    void lastsTwelveHoursByDefault() {
        IssuedSessionCredentials issued = issueWithoutMfa(alice, aliceKey, Optional.empty());
        assertThat(issued.expiration()).isEqualTo(Gatehouse.START.plusSeconds(30).plus(Duration.ofHours(12)));
    }

    @Test
    void honoursAnyDurationFromFifteenMinutesToThirtySixHours() {
        Instant now = gatehouse.clock.instant();
        assertThat(issueWithoutMfa(alice, aliceKey, Optional.of(900)).expiration()).isEqualTo(now.plusSeconds(900));
        assertThat(issueWithoutMfa(alice, aliceKey, Optional.of(129_600)).expiration())
                .isEqualTo(now.plusSeconds(129_600));
    }

    @Test
    void refusesADurationOutsideTheRangeAsAValidationError() {
        assertThatThrownBy(() -> issueWithoutMfa(alice, aliceKey, Optional.of(899)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("greater than or equal to 900");
        assertThatThrownBy(() -> issueWithoutMfa(alice, aliceKey, Optional.of(129_601)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("less than or equal to 129600");
    }

    @Test
    void capsTheRootUsersSessionsAtOneHourRatherThanFailing() {
        Instant now = gatehouse.clock.instant();
        assertThat(issueWithoutMfa(root, rootKey, Optional.empty()).expiration()).isEqualTo(now.plusSeconds(3600));
        assertThat(issueWithoutMfa(root, rootKey, Optional.of(129_600)).expiration()).isEqualTo(now.plusSeconds(3600));
        assertThat(issueWithoutMfa(root, rootKey, Optional.of(900)).expiration()).isEqualTo(now.plusSeconds(900));
    }

    @Test
    void carriesTheMfaContextWhenTheCodeIsAccepted() {
        Instant now = gatehouse.clock.instant();
        IssuedSessionCredentials issued = issueWithCode(code(step()));
        assertThat(issued.mfa()).isEqualTo(MfaContext.verified(serial, now));
        gatehouse.clock.advance(Duration.ofMinutes(10));
        ActiveSession found = gatehouse.sessionTokens.find(issued.accessKeyId().value()).orElseThrow();
        assertThat(found.mfa().present()).isTrue();
        assertThat(found.mfa().serialNumber()).contains(serial);
        assertThat(found.mfa().age(gatehouse.clock.instant())).contains(Duration.ofMinutes(10));
    }

    @Test
    void refusesAWrongCodeWithAwsMessageAndIssuesNothing() {
        assertAccessDeniedForMfa(() -> issueWithCode(wrongCode()));
        assertThat(storedCount()).isZero();
    }

    @Test
    void refusesACodeAlreadyUsed() {
        String code = code(step());
        issueWithCode(code);
        assertAccessDeniedForMfa(() -> issueWithCode(code));
        assertThat(storedCount()).isEqualTo(1);
    }

    @Test
    void refusesTheRightCodeWhileTheDeviceIsThrottled() {
        for (int failure = 1; failure <= 3; failure++) {
            assertAccessDeniedForMfa(() -> issueWithCode(wrongCode()));
        }
        assertAccessDeniedForMfa(() -> issueWithCode(code(step())));
        assertThat(mfaOutcomes()).endsWith(AuditOutcome.THROTTLED);
    }

    @Test
    void refusesADeviceThatIsNotAssignedToTheCaller() {
        assertAccessDeniedForMfa(() -> gatehouse.sessionTokens.issue(alice, aliceKey, Optional.empty(),
                Optional.of(serial), Optional.of(code(step())), ORIGIN));
        assertThat(mfaOutcomes()).endsWith(AuditOutcome.UNKNOWN_DEVICE);
    }

    @Test
    void requiresTheSerialAndTheCodeTogetherWithoutSpendingACode() {
        assertThatThrownBy(() -> gatehouse.sessionTokens.issue(root, rootKey, Optional.empty(), Optional.of(serial),
                Optional.empty(), ORIGIN)).isInstanceOf(ValidationException.class).hasMessageContaining("TokenCode");
        assertThatThrownBy(() -> gatehouse.sessionTokens.issue(root, rootKey, Optional.empty(), Optional.empty(),
                Optional.of(code(step())), ORIGIN)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("SerialNumber");
        assertThat(mfaOutcomes()).isEmpty();
        assertThat(issueWithCode(code(step())).mfa().present()).isTrue();
    }

    @Test
    void refusesToIssueFromTemporaryCredentials() {
        IssuedSessionCredentials first = issueWithoutMfa(alice, aliceKey, Optional.empty());
        assertThatThrownBy(() -> issueWithoutMfa(alice, first.accessKeyId().value(), Optional.empty()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Cannot call GetSessionToken with session credentials");
    }

    @Test
    void refusesASourceKeyThatIsNotAnActiveKeyOfTheCaller() {
        assertThatThrownBy(() -> issueWithoutMfa(alice, rootKey, Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        gatehouse.accessKeys.updateAccessKey(alice, AccessKeyId.of(aliceKey),
                AccessKeyStatus.INACTIVE, ORIGIN);
        assertThatThrownBy(() -> issueWithoutMfa(alice, aliceKey, Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(storedCount()).isZero();
    }

    @Test
    void findsTheSecretOpenedAndMatchesOnlyTheIssuedToken() {
        IssuedSessionCredentials issued = issueWithoutMfa(alice, aliceKey, Optional.empty());
        ActiveSession found = gatehouse.sessionTokens.find(issued.accessKeyId().value()).orElseThrow();
        assertThat(found.secret()).isEqualTo(issued.secretAccessKey());
        assertThat(found.principal()).isEqualTo(alice);
        assertThat(found.expiresAt()).isEqualTo(issued.expiration());
        String token = issued.sessionToken().reveal();
        assertThat(found.tokenMatches(token)).isTrue();
        assertThat(found.tokenMatches(token.substring(1))).isFalse();
        assertThat(found.tokenMatches(token + "A")).isFalse();
        assertThat(found.tokenMatches("")).isFalse();
        assertThat(found.tokenMatches(null)).isFalse();
        assertThat(found.tokenMatches(issueWithoutMfa(alice, aliceKey, Optional.empty()).sessionToken().reveal()))
                .isFalse();
    }

    @Test
    void findsNothingForAnUnknownOrLongTermOrMalformedId() {
        assertThat(gatehouse.sessionTokens.find("ASIAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(gatehouse.sessionTokens.find(aliceKey)).isEmpty();
        assertThat(gatehouse.sessionTokens.find("not a key")).isEmpty();
        assertThat(gatehouse.sessionTokens.find(null)).isEmpty();
    }

    @Test
    void storesADigestOfTheTokenAndASealedSecretNeverTheSecretsThemselves() {
        IssuedSessionCredentials issued = issueWithoutMfa(alice, aliceKey, Optional.empty());
        SessionCredentials stored = store.read(session -> session.sessionCredentials().find(issued.accessKeyId()))
                .orElseThrow();
        assertThat(stored.tokenDigest()).isEqualTo(SessionTokenDigest.of(issued.sessionToken().reveal()));
        assertThat(stored.tokenDigest().hex()).doesNotContain(issued.sessionToken().reveal());
        assertThat(stored.sealedSecret().ciphertext()).doesNotContain(issued.secretAccessKey().reveal());
        assertThat(stored.sourceAccessKeyId().value()).isEqualTo(aliceKey);
        assertThat(stored.principal()).isEqualTo(alice);
    }

    @Test
    void redactsTheSecretAndTheTokenWhenPrinted() {
        IssuedSessionCredentials issued = issueWithoutMfa(alice, aliceKey, Optional.empty());
        ActiveSession found = gatehouse.sessionTokens.find(issued.accessKeyId().value()).orElseThrow();
        for (String printed : List.of(issued.toString(), found.toString(), issued.sessionToken().toString())) {
            assertThat(printed).doesNotContain(issued.secretAccessKey().reveal())
                    .doesNotContain(issued.sessionToken().reveal());
        }
        assertThat(issued.toString()).contains(issued.accessKeyId().value()).contains("redacted");
    }

    @Test
    void expiresAtTheExpirationInstantAndIsStillFoundToSaySo() {
        IssuedSessionCredentials issued = issueWithoutMfa(alice, aliceKey, Optional.of(900));
        ActiveSession found = gatehouse.sessionTokens.find(issued.accessKeyId().value()).orElseThrow();
        gatehouse.clock.advance(Duration.ofSeconds(899));
        assertThat(found.isExpiredAt(gatehouse.clock.instant())).isFalse();
        gatehouse.clock.advance(Duration.ofSeconds(1));
        assertThat(found.isExpiredAt(gatehouse.clock.instant())).isTrue();
        assertThat(gatehouse.sessionTokens.find(issued.accessKeyId().value())).isPresent();
    }

    @Test
    void deletesCredentialsExpiredMoreThanADayAgoWhenIssuing() {
        IssuedSessionCredentials old = issueWithoutMfa(alice, aliceKey, Optional.of(900));
        gatehouse.clock.advance(Duration.ofSeconds(900).plus(Duration.ofDays(1)));
        issueWithoutMfa(alice, aliceKey, Optional.empty());
        assertThat(gatehouse.sessionTokens.find(old.accessKeyId().value())).isPresent();
        gatehouse.clock.advance(Duration.ofMillis(1));
        issueWithoutMfa(alice, aliceKey, Optional.empty());
        assertThat(gatehouse.sessionTokens.find(old.accessKeyId().value())).isEmpty();
        assertThat(storedCount()).isEqualTo(2);
    }

    @Test
    void auditsEachIssueWithWhetherMfaWasUsed() {
        issueWithoutMfa(alice, aliceKey, Optional.empty());
        IssuedSessionCredentials withMfa = issueWithCode(code(step()));
        List<AuditEvent> issues = store.auditEvents().stream()
                .filter(event -> event.action() == AuditAction.SESSION_TOKEN_ISSUED).toList();
        assertThat(issues).extracting(AuditEvent::mfaUsed).containsExactly(false, true);
        assertThat(issues).allSatisfy(event -> {
            assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(event.origin()).isEqualTo(ORIGIN);
        });
        assertThat(issues.get(1).actor()).isEqualTo(account.id().rootArn());
        assertThat(issues.get(1).detail()).contains(withMfa.accessKeyId().value()).contains(serial.value())
                .doesNotContain(withMfa.secretAccessKey().reveal()).doesNotContain(withMfa.sessionToken().reveal());
    }

    @Test
    void issuesOnceWhenSixteenThreadsRaceWithTheSameCode() throws Exception {
        String code = code(step());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IssuedSessionCredentials>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Callable<IssuedSessionCredentials> attempt = () -> {
                    start.await();
                    return issueWithCode(code);
                };
                futures.add(pool.submit(attempt));
            }
            start.countDown();
            int issued = 0;
            int denied = 0;
            for (Future<IssuedSessionCredentials> future : futures) {
                try {
                    future.get();
                    issued++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(AccessDeniedException.class)
                            .hasMessage(SessionTokenService.MFA_FAILED);
                    denied++;
                }
            }
            assertThat(issued).isEqualTo(1);
            assertThat(denied).isEqualTo(15);
            assertThat(storedCount()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private IssuedSessionCredentials issueWithoutMfa(PrincipalRef caller, String key, Optional<Integer> seconds) {
        return gatehouse.sessionTokens.issue(caller, key, seconds, Optional.empty(), Optional.empty(), ORIGIN);
    }

    private IssuedSessionCredentials issueWithCode(String code) {
        return gatehouse.sessionTokens.issue(root, rootKey, Optional.empty(), Optional.of(serial), Optional.of(code),
                ORIGIN);
    }

    private static void assertAccessDeniedForMfa(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(AccessDeniedException.class)
                .hasMessage("MultiFactorAuthentication failed with invalid MFA one time pass code.")
                .satisfies(failure -> assertThat(((GatehouseException) failure).errorCode().awsCode())
                        .isEqualTo("AccessDenied"));
    }

    private List<AuditOutcome> mfaOutcomes() {
        return store.auditEvents().stream().filter(event -> event.action() == AuditAction.MFA_VERIFICATION)
                .map(AuditEvent::outcome).toList();
    }

    private int storedCount() {
        return store.read(session -> session.sessionCredentials().listAll().size());
    }

    private String wrongCode() {
        String right = code(step());
        return right.equals("000000") ? "111111" : "000000";
    }

    private long step() {
        return TotpParameters.AWS_DEFAULT.stepAt(gatehouse.clock.instant());
    }

    private String code(long step) {
        return TOTP.generateOneTimePasswordAtStep(seed, step);
    }
}
