package dev.gatehouse.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.crypto.Password;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"Correct-Horse", "correct-horse-7", "CORRECT7horse"})
    void theDefaultAcceptsEightCharactersOfThreeClasses(String password) {
        assertThat(PasswordPolicy.DEFAULT.violations(Password.of(password))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Short-7", "correcthorse", "correct-horse", "CORRECTHORSE7"})
    void theDefaultRejectsShortOrUniformPasswords(String password) {
        assertThat(PasswordPolicy.DEFAULT.violations(Password.of(password))).isNotEmpty();
    }

    @Test
    void namesEachRequiredClassThatIsMissing() {
        PasswordPolicy strict = new PasswordPolicy(12, true, true, true, true, 0, 5, 90);
        assertThat(strict.violations(Password.of("alllowercase")))
                .containsExactly("an upper-case letter", "a digit", "a symbol");
    }

    @Test
    void expiresAfterTheMaximumAge() {
        PasswordPolicy policy = new PasswordPolicy(8, false, false, false, false, 0, 0, 90);
        Instant changed = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(policy.hasExpired(changed, changed.plusSeconds(89 * 86_400))).isFalse();
        assertThat(policy.hasExpired(changed, changed.plusSeconds(90 * 86_400))).isTrue();
        assertThat(PasswordPolicy.DEFAULT.hasExpired(changed, changed.plusSeconds(9_999 * 86_400L))).isFalse();
    }
}
