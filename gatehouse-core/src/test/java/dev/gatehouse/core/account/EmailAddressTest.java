package dev.gatehouse.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void keepsTheSpellingAndComparesInLowerCase() {
        EmailAddress address = EmailAddress.of("  Root@Example.COM ");
        assertThat(address.value()).isEqualTo("Root@Example.COM");
        assertThat(address.normalized()).isEqualTo("root@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "root", "root@", "@example.com", "root@example", "two@@example.com", "sp ace@example.com"})
    void rejectsWhatCannotBeAnAddress(String text) {
        assertThatThrownBy(() -> EmailAddress.of(text)).isInstanceOf(ValidationException.class);
    }
}
