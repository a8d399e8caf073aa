package dev.gatehouse.core.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.ValidationException;
import dev.gatehouse.core.internal.RandomIds;
import org.junit.jupiter.api.Test;

class SessionAccessKeyIdTest {

    @Test
    void acceptsWhatTheGeneratorMakes() {
        String id = new RandomIds().sessionAccessKeyId();
        assertThat(SessionAccessKeyId.of(id).value()).isEqualTo(id);
        assertThat(SessionAccessKeyId.of(id).rowIdentity()).isEqualTo("session-credential:" + id);
    }

    @Test
    void refusesALongTermKeyIdOrAnyOtherForm() {
        assertThatThrownBy(() -> SessionAccessKeyId.of("AKIAAAAAAAAAAAAAAAAA")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SessionAccessKeyId.of("ASIAaaaaaaaaaaaaaaaa")).isInstanceOf(ValidationException.class);
        assertThat(SessionAccessKeyId.parse("AKIAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(SessionAccessKeyId.parse("ASIAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(SessionAccessKeyId.parse(null)).isEmpty();
        assertThat(SessionAccessKeyId.parse("ASIAAAAAAAAAAAAAAAAA")).isPresent();
    }

    @Test
    void tellsTemporaryKeysByTheirPrefix() {
        assertThat(SessionAccessKeyId.isSessionKey("ASIAAAAAAAAAAAAAAAAA")).isTrue();
        assertThat(SessionAccessKeyId.isSessionKey("AKIAAAAAAAAAAAAAAAAA")).isFalse();
        assertThat(SessionAccessKeyId.isSessionKey(null)).isFalse();
    }
}
