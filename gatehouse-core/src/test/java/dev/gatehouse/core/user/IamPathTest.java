package dev.gatehouse.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IamPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/division/", "/division/team/"})
    void acceptsSlashDelimitedPaths(String path) {
        assertThat(new IamPath(path).value()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "division", "/division", "division/", "/with space/"})
    void rejectsOthers(String path) {
        assertThatThrownBy(() -> new IamPath(path)).isInstanceOf(ValidationException.class);
    }
}
