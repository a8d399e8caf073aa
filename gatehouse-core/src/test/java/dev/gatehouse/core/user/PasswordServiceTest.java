package dev.gatehouse.core.user;

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
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.error.AccessDeniedException;
import dev.gatehouse.core.error.PasswordPolicyViolationException;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.core.testing.Gatehouse;
import dev.gatehouse.core.testing.InMemoryStore;
import dev.gatehouse.core.throttle.ThrottleState;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasswordServiceTest {

    private final Gatehouse gatehouse = new Gatehouse();
    private final PasswordService passwords = gatehouse.passwords;
    private Account account;

    @BeforeEach
    void createAnAccount() {
        account = gatehouse.accounts.createAccount("root@example.com", null, "Correct-Horse-1");
    }

    @Test
    void changesThePasswordWhenTheOldOneIsRightEvenExpiredUnderAHardExpiry() {
        gatehouse.clock.advance(Duration.ofDays(1));
        assertChanged(passwords.changePassword(account.root(), Password.of("Correct-Horse-1"),
                Password.of("Correct-Horse-2"), Origin.LOCAL), "Correct-Horse-2");

        IamUser bob = gatehouse.users.createUser(account.id(), UserName.of("bob"), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        passwords.createLoginProfile(bob.principal(), Password.of("Correct-Horse-4"), false, Origin.LOCAL);
        gatehouse.accounts.updatePasswordPolicy(account.id(), new PasswordPolicy(8, false, false, false, false, 3, 0, 30,
                true, true), Origin.LOCAL);
        gatehouse.clock.advance(Duration.ofDays(31));
        assertThat(passwords.locksOutOfConsole(bob.principal())).isTrue();
        assertThat(passwords.locksOutOfConsole(account.root())).as("the expiry binds IAM users only").isFalse();
        // The hard expiry closes the console (see SignInServiceTest), not the user's own ChangePassword, as on AWS.
        assertChanged(passwords.changePassword(bob.principal(), Password.of("Correct-Horse-4"),
                Password.of("Correct-Horse-5"), Origin.LOCAL), "Correct-Horse-5");
        assertThat(passwords.locksOutOfConsole(bob.principal())).as("a new password has not expired").isFalse();
    }

    private void assertChanged(LoginProfile changed, String password) {
        assertThat(changed.changedAt()).isEqualTo(gatehouse.clock.instant());
        assertThat(gatehouse.hasher.verify(Password.of(password), changed.passwordHash())).isTrue();
    }

    @Test
    void refusesAChangeWithTheWrongOldPassword() {
        assertThatThrownBy(() -> passwords.changePassword(account.root(), Password.of("wrong"),
                Password.of("Correct-Horse-2"), Origin.LOCAL)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesARecentPasswordWhenThePolicyPreventsReuse() {
        gatehouse.accounts.updatePasswordPolicy(account.id(), new PasswordPolicy(8, false, false, false, false, 3, 2, 0),
                Origin.LOCAL);
        passwords.changePassword(account.root(), Password.of("Correct-Horse-1"), Password.of("Correct-Horse-2"),
                Origin.LOCAL);
        assertThatThrownBy(() -> passwords.changePassword(account.root(), Password.of("Correct-Horse-2"),
                Password.of("Correct-Horse-1"), Origin.LOCAL)).isInstanceOf(PasswordPolicyViolationException.class)
                .hasMessageContaining("last 2 passwords");
        assertThatThrownBy(() -> passwords.changePassword(account.root(), Password.of("Correct-Horse-2"),
                Password.of("Correct-Horse-2"), Origin.LOCAL)).isInstanceOf(PasswordPolicyViolationException.class);
        passwords.changePassword(account.root(), Password.of("Correct-Horse-2"), Password.of("Correct-Horse-3"),
                Origin.LOCAL);
    }

    @Test
    void appliesTheAccountPolicyToNewPasswords() {
        gatehouse.accounts.updatePasswordPolicy(account.id(), new PasswordPolicy(14, true, true, true, true, 0, 0, 0),
                Origin.LOCAL);
        assertThatThrownBy(() -> passwords.changePassword(account.root(), Password.of("Correct-Horse-1"),
                Password.of("Short-Horse-2"), Origin.LOCAL)).isInstanceOf(PasswordPolicyViolationException.class)
                .hasMessageContaining("at least 14 characters");
    }

    @Test
    void setsOnlyTheResetFlagKeepingThePassword() {
        LoginProfile before = passwords.findLoginProfile(account.root()).orElseThrow();

        LoginProfile flagged = passwords.setResetRequired(account.root(), true, Origin.LOCAL);

        assertThat(flagged.resetRequired()).isTrue();
        assertThat(passwords.findLoginProfile(account.root()).orElseThrow().passwordHash()).isEqualTo(before.passwordHash());
    }

    @Test
    void auditsTheRefusalOfAChangeWhosePasswordWasResetAfterItWasChecked() {
        InMemoryStore shared = new InMemoryStore();
        Gatehouse administrator = new Gatehouse(shared);
        Account changing = administrator.accounts.createAccount("root@example.com", null, "Correct-Horse-1");
        // The reset lands between the write that checks the old password and the write that changes it.
        Gatehouse principal = new Gatehouse(new BeforeTransactionStore(shared, 2, () -> administrator.passwords
                .resetPassword(changing.root(), Password.of("Reset-Horse-9"), false, Origin.LOCAL)));

        assertThatThrownBy(() -> principal.passwords.changePassword(changing.root(), Password.of("Correct-Horse-1"),
                Password.of("Correct-Horse-2"), Origin.LOCAL)).isInstanceOf(AccessDeniedException.class);

        assertRefusedWithoutCounting(shared, changing.root(), "password reset meanwhile");
        assertThat(administrator.hasher.verify(Password.of("Reset-Horse-9"),
                administrator.passwords.findLoginProfile(changing.root()).orElseThrow().passwordHash())).isTrue();
    }

    /**
     * The last password change of {@code principal} was audited as a failure for {@code reason}, and
     * not counted towards the throttle: the old password was right when it was checked.
     */
    private static void assertRefusedWithoutCounting(InMemoryStore store, PrincipalRef principal, String reason) {
        List<AuditEvent> changes = store.auditEvents().stream()
                .filter(event -> event.action() == AuditAction.PASSWORD_CHANGED).toList();
        assertThat(changes.get(changes.size() - 1)).satisfies(event -> {
            assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILURE);
            assertThat(event.detail()).isEqualTo(reason);
        });
        List<ThrottleState> throttled = store.read(session -> session.throttles()
                .find(List.of(PasswordService.throttleKey(principal))));
        assertThat(throttled).as("no failure counted").allSatisfy(state -> assertThat(state.consecutiveFailures()).isZero());
    }

    /** A store that runs {@code before} ahead of its {@code n}th write: another request landing in between. */
    private static final class BeforeTransactionStore implements Store {
        private final Store store;
        private final int n;
        private final Runnable before;
        private int transactions;

        BeforeTransactionStore(Store store, int n, Runnable before) {
            this.store = store;
            this.n = n;
            this.before = before;
        }

        @Override
        public <T> T inTransaction(Function<StoreSession, T> work) {
            if (++transactions == n) {
                before.run();
            }
            return store.inTransaction(work);
        }

        @Override
        public <T> T read(Function<StoreSession, T> work) {
            return store.read(work);
        }
    }
}
