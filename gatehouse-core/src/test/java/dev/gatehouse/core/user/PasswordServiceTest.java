package dev.gatehouse.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.PasswordPolicy;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.error.AccessDeniedException;
import dev.gatehouse.core.error.PasswordPolicyViolationException;
import dev.gatehouse.core.testing.Gatehouse;
import java.time.Duration;
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
    void changesThePasswordWhenTheOldOneIsRight() {
        gatehouse.clock.advance(Duration.ofDays(1));
        LoginProfile changed = passwords.changePassword(account.root(), Password.of("Correct-Horse-1"),
                Password.of("Correct-Horse-2"), Origin.LOCAL);
        assertThat(changed.changedAt()).isEqualTo(gatehouse.clock.instant());
        assertThat(gatehouse.hasher.verify(Password.of("Correct-Horse-2"), changed.passwordHash())).isTrue();
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
}
