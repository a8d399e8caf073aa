package dev.gatehouse.core.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.audit.AuditAction;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.testing.Gatehouse;
import dev.gatehouse.core.testing.InMemoryStore;
import dev.gatehouse.core.testing.WriteCountingStore;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.LoginProfile;
import dev.gatehouse.core.user.UserName;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsoleSessionServiceTest {

    private static final Origin ORIGIN = new Origin("198.51.100.4", "browser");
    private static final ConsoleSessionLimits LIMITS = new ConsoleSessionLimits(Duration.ofMinutes(15), Duration.ofHours(12));

    private final InMemoryStore store = new InMemoryStore();
    private final Gatehouse gatehouse = new Gatehouse(store);
    private final ConsoleSessionService sessions = new ConsoleSessionService(store, gatehouse.audit, LIMITS,
            gatehouse.clock, new SecureRandom());
    private Account account;
    private SerialNumber serial;

    @BeforeEach
    void createAnAccount() {
        account = gatehouse.accounts.createAccount("root@example.com", "general", "Correct-Horse-7");
        serial = SerialNumber.of("arn:aws:iam::" + account.id() + ":mfa/root-phone");
    }

    @Test
    void storesOnlyTheDigestOfTheId() {
        IssuedConsoleSession issued = sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, false, Optional.empty());
        assertThat(issued.id().reveal()).matches("[A-Za-z0-9_-]{43}");
        assertThat(issued.session().digest()).isEqualTo(issued.id().digest()).matches("[0-9a-f]{64}");
        assertThat(issued.session().toString()).doesNotContain(issued.session().csrfSecret());
        assertThat(issued.id().toString()).doesNotContain(issued.id().reveal());
    }

    @Test
    void aPendingSessionCompletesMfaOnceUnderANewId() {
        IssuedConsoleSession pending = sessions.start(account.root(), ConsoleSessionState.PENDING_MFA, false, Optional.empty());
        gatehouse.clock.advance(Duration.ofSeconds(20));

        IssuedConsoleSession signedIn = sessions.completeMfa(pending.session(), serial, ORIGIN).orElseThrow();

        assertThat(signedIn.id()).isNotEqualTo(pending.id());
        assertThat(signedIn.session().mfaUsed()).isTrue();
        assertThat(signedIn.session().authenticatedAtIfAny()).contains(Gatehouse.START.plusSeconds(20));
        assertThat(sessions.resume(pending.id())).isEmpty();
        assertThat(sessions.completeMfa(pending.session(), serial, ORIGIN)).isEmpty();
        assertThat(store.auditEvents()).filteredOn(event -> event.action() == AuditAction.SIGN_IN_MFA)
                .singleElement().extracting(AuditEvent::mfaUsed).isEqualTo(true);
    }

    @Test
    void onlyAPendingSessionCanCompleteMfa() {
        IssuedConsoleSession signedIn = sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, false, Optional.empty());
        assertThatThrownBy(() -> sessions.completeMfa(signedIn.session(), serial, ORIGIN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewSessionReplacesTheOneTheBrowserHeld() {
        IssuedConsoleSession first = sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, false, Optional.empty());
        IssuedConsoleSession second = sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, false,
                Optional.of(first.id()));
        assertThat(sessions.resume(first.id())).isEmpty();
        assertThat(sessions.resume(second.id())).isPresent();
    }

    @Test
    void endsAfterTheIdleTimeoutUnlessUsed() {
        IssuedConsoleSession issued = sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, false, Optional.empty());
        gatehouse.clock.advance(Duration.ofMinutes(14));
        assertThat(sessions.resume(issued.id())).isPresent();
        gatehouse.clock.advance(Duration.ofMinutes(14));
        assertThat(sessions.resume(issued.id())).isPresent();
        gatehouse.clock.advance(Duration.ofMinutes(15));
        assertThat(sessions.resume(issued.id())).isEmpty();
    }

    @Test
    void recordsTheLastRequestAtMostOnceAMinute() {
        IssuedConsoleSession issued = sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, false, Optional.empty());
        gatehouse.clock.advance(Duration.ofSeconds(59));
        assertThat(sessions.resume(issued.id()).orElseThrow().lastSeenAt()).isEqualTo(Gatehouse.START);
        gatehouse.clock.advance(Duration.ofSeconds(1));
        assertThat(sessions.resume(issued.id()).orElseThrow().lastSeenAt()).isEqualTo(Gatehouse.START.plusSeconds(60));
    }

    @Test
    void aLiveSessionSeenWithinTheMinuteIsResumedWithoutAWriteTransaction() {
        WriteCountingStore countingWrites = new WriteCountingStore(store);
        ConsoleSessionService reading = new ConsoleSessionService(countingWrites, gatehouse.audit, LIMITS,
                gatehouse.clock, new SecureRandom());
        IssuedConsoleSession issued = reading.start(account.root(), ConsoleSessionState.AUTHENTICATED, false, Optional.empty());
        int afterStart = countingWrites.writes();

        gatehouse.clock.advance(Duration.ofSeconds(59));
        assertThat(reading.resume(issued.id())).isPresent();
        assertThat(countingWrites.writes()).as("nothing to write").isEqualTo(afterStart);

        gatehouse.clock.advance(Duration.ofSeconds(1));
        assertThat(reading.resume(issued.id()).orElseThrow().lastSeenAt()).isEqualTo(Gatehouse.START.plusSeconds(60));
        assertThat(countingWrites.writes()).as("the minute's touch").isEqualTo(afterStart + 1);

        gatehouse.clock.advance(LIMITS.idle());
        assertThat(reading.resume(issued.id())).as("expired: deleted in a write").isEmpty();
        assertThat(countingWrites.writes()).isEqualTo(afterStart + 2);
    }

    @Test
    void endsAtTheAbsoluteTimeoutHoweverBusy() {
        IssuedConsoleSession issued = sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, false, Optional.empty());
        for (int i = 0; i < 71; i++) {
            gatehouse.clock.advance(Duration.ofMinutes(10));
            assertThat(sessions.resume(issued.id())).isPresent();
        }
        gatehouse.clock.advance(Duration.ofMinutes(10));
        assertThat(sessions.resume(issued.id())).isEmpty();
    }

    @Test
    void sweepsExpiredSessionsWhenANewOneStarts() {
        IssuedConsoleSession old = sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, false, Optional.empty());
        gatehouse.clock.advance(Duration.ofMinutes(16));
        sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, false, Optional.empty());
        Optional<ConsoleSession> swept = store.read(session -> session.consoleSessions().find(old.session().digest()));
        assertThat(swept).isEmpty();
        assertThat(sessions.endAll(account.root())).isEqualTo(1);
    }

    @Test
    void signOutDeletesTheSessionAndIsAudited() {
        IssuedConsoleSession issued = sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, false, Optional.empty());
        sessions.end(issued.session(), ORIGIN);
        assertThat(sessions.resume(issued.id())).isEmpty();
        assertThat(store.auditEvents()).filteredOn(event -> event.action() == AuditAction.SIGN_OUT).hasSize(1);
    }

    @Test
    void aUsersSessionsEndWithItsPasswordAndWithTheUser() {
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, ORIGIN);
        gatehouse.passwords.createLoginProfile(bob.principal(), Password.of("Correct-Horse-8"), false, ORIGIN);
        IssuedConsoleSession signedIn = sessions.start(bob.principal(), ConsoleSessionState.AUTHENTICATED, false, Optional.empty());
        IssuedConsoleSession rootSession = sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, false, Optional.empty());
        gatehouse.passwords.resetPassword(bob.principal(), Password.of("Correct-Horse-9"), true, ORIGIN);
        assertThat(sessions.resume(signedIn.id())).as("a reset password ends the sessions").isEmpty();
        assertThat(sessions.resume(rootSession.id())).as("only the principal's").isPresent();

        IssuedConsoleSession pending = sessions.start(bob.principal(), ConsoleSessionState.PENDING_MFA, false, Optional.empty());
        gatehouse.passwords.deleteLoginProfile(bob.principal(), ORIGIN);
        assertThat(sessions.resume(pending.id())).as("no password, no console").isEmpty();
        IssuedConsoleSession waiting = sessions.start(bob.principal(), ConsoleSessionState.PENDING_MFA, false, Optional.empty());
        gatehouse.users.deleteUser(account.id(), bob.name(), ORIGIN);
        assertThat(sessions.resume(waiting.id())).as("a deleted user's sessions go with it").isEmpty();
    }

    @Test
    void recordsReauthenticationAndTheEndOfAForcedPasswordChange() {
        IssuedConsoleSession issued = sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, true, Optional.empty());
        gatehouse.clock.advance(Duration.ofMinutes(3));
        ConsoleSession reauthenticated = sessions.reauthenticated(issued.session());
        assertThat(reauthenticated.reauthenticatedAtIfAny()).contains(Gatehouse.START.plus(Duration.ofMinutes(3)));
        gatehouse.clock.advance(Duration.ofMinutes(1));
        LoginProfile password = gatehouse.passwords.changePassword(account.root(), Password.of("Correct-Horse-7"),
                Password.of("Correct-Horse-8"), ORIGIN);
        IssuedConsoleSession changed = sessions.passwordChanged(reauthenticated, password).orElseThrow();
        assertThat(changed.id()).as("a new ID after the change").isNotEqualTo(issued.id());
        assertThat(sessions.resume(issued.id())).as("the old ID opens nothing").isEmpty();
        ConsoleSession renewed = sessions.resume(changed.id()).orElseThrow();
        assertThat(renewed.passwordChangeRequired()).isFalse();
        assertThat(renewed.reauthenticatedAtIfAny()).contains(Gatehouse.START.plus(Duration.ofMinutes(4)));
        assertThat(renewed.createdAt()).as("the absolute timeout still counts from the sign-in").isEqualTo(Gatehouse.START);
    }

    @Test
    void aPasswordReplacedOrRemovedAfterTheChangeOpensNoSession() {
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, ORIGIN);
        gatehouse.passwords.createLoginProfile(bob.principal(), Password.of("Correct-Horse-8"), false, ORIGIN);
        IssuedConsoleSession signedIn = sessions.start(bob.principal(), ConsoleSessionState.AUTHENTICATED, false,
                Optional.empty());
        LoginProfile changed = gatehouse.passwords.changePassword(bob.principal(), Password.of("Correct-Horse-8"),
                Password.of("Correct-Horse-9"), ORIGIN);
        gatehouse.passwords.resetPassword(bob.principal(), Password.of("Correct-Horse-10"), true, ORIGIN);

        assertThat(sessions.passwordChanged(signedIn.session(), changed)).as("reset after the change").isEmpty();
        assertThat(sessions.resume(signedIn.id())).isEmpty();
        assertThat(sessions.endAll(bob.principal())).as("no session of bob's is left").isZero();

        IssuedConsoleSession again = sessions.start(bob.principal(), ConsoleSessionState.AUTHENTICATED, false,
                Optional.empty());
        LoginProfile changedAgain = gatehouse.passwords.changePassword(bob.principal(), Password.of("Correct-Horse-10"),
                Password.of("Correct-Horse-11"), ORIGIN);
        gatehouse.passwords.deleteLoginProfile(bob.principal(), ORIGIN);
        assertThat(sessions.passwordChanged(again.session(), changedAgain)).as("removed after the change").isEmpty();
        assertThat(sessions.endAll(bob.principal())).as("no session of bob's is left").isZero();
    }

    @Test
    void onlyThePrincipalsOwnPasswordRenewsItsSession() {
        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, ORIGIN);
        LoginProfile bobs = gatehouse.passwords.createLoginProfile(bob.principal(), Password.of("Correct-Horse-8"), false,
                ORIGIN);
        IssuedConsoleSession rootSession = sessions.start(account.root(), ConsoleSessionState.AUTHENTICATED, false,
                Optional.empty());

        assertThatThrownBy(() -> sessions.passwordChanged(rootSession.session(), bobs))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
