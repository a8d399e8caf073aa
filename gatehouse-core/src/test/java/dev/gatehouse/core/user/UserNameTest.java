package dev.gatehouse.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Alice.Smith", "ops+ci@example.com", "a=b,c-d_e"})
    void acceptsAwsNames(String name) {
        assertThat(UserName.of(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "slash/name", "colon:name"})
    void rejectsOthers(String name) {
        assertThatThrownBy(() -> UserName.of(name)).isInstanceOf(ValidationException.class);
    }

    @Test
    void rejectsNamesLongerThanSixtyFourCharacters() {
        assertThat(UserName.of("a".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> UserName.of("a".repeat(65))).isInstanceOf(ValidationException.class);
    }

    @Test
    void comparesIgnoringCaseThroughTheNormalizedForm() {
        assertThat(UserName.of("Alice").normalized()).isEqualTo(UserName.of("ALICE").normalized());
    }
}
