package dev.gatehouse.core.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SerialNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"GAHT12345678", "arn:aws:iam::123456789012:mfa/root-account-mfa-device",
        "arn:aws:iam::123456789012:mfa/team/alice+phone"})
    void acceptsVendorSerialsAndArns(String serial) {
        assertThat(SerialNumber.of(serial).value()).isEqualTo(serial);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "has space in it", "semi;colon12"})
    void rejectsWhatTheModelRejects(String serial) {
        assertThatThrownBy(() -> SerialNumber.of(serial)).isInstanceOf(ValidationException.class);
    }
}
