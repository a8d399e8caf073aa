package dev.gatehouse.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountAliasTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "general", "production-1", "a1b", "my-company-prod"})
    void acceptsAwsAliases(String alias) {
        assertThat(AccountAlias.of(alias).value()).isEqualTo(alias);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "-abc", "abc-", "a--b", "Upper", "under_score", "123456789012", "123",
        "a234567890123456789012345678901234567890123456789012345678901234"})
    void rejectsWhatAwsRejects(String alias) {
        assertThatThrownBy(() -> AccountAlias.of(alias)).isInstanceOf(ValidationException.class);
    }
}
