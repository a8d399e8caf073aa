package dev.gatehouse.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Base32Test {

    /** RFC 4648 §10. */
    static Stream<Arguments> rfc4648Vectors() {
        return Stream.of(
                Arguments.of("", ""),
                Arguments.of("f", "MY======"),
                Arguments.of("fo", "MZXQ===="),
                Arguments.of("foo", "MZXW6==="),
                Arguments.of("foob", "MZXW6YQ="),
                Arguments.of("fooba", "MZXW6YTB"),
                Arguments.of("foobar", "MZXW6YTBOI======"));
    }

    @ParameterizedTest
    @MethodSource("rfc4648Vectors")
    void encodesTheRfc4648Vectors(String plain, String encoded) {
        assertThat(Base32.encode(plain.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
    }

    @ParameterizedTest
    @MethodSource("rfc4648Vectors")
    void decodesTheRfc4648Vectors(String plain, String encoded) {
        assertThat(Base32.decode(encoded)).isEqualTo(plain.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void encodesFortyBytesAsSixtyFourCharactersLikeAws() {
        assertThat(Base32.encodeUnpadded(new byte[40])).hasSize(64).matches("A{64}");
    }

    @Test
    void decodesLowerCaseSpacesAndMissingPaddingAsAuthenticatorAppsDo() {
        assertThat(Base32.decode("mzxw 6ytb oi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void roundTripsRandomBytes() {
        SecureRandom random = new SecureRandom();
        for (int length = 0; length < 70; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);

            assertThat(Base32.decode(Base32.encode(data))).isEqualTo(data);
            assertThat(Base32.decode(Base32.encodeUnpadded(data))).isEqualTo(data);
        }
    }

    @Test
    void namesTheFirstCharacterThatIsNotBase32() {
        assertThatThrownBy(() -> Base32.decode("MZXW1YTB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid Base32 character '1' at position 5");
    }

    @Test
    void namesInvisibleCharactersByCodePoint() {
        assertThatThrownBy(() -> Base32.decode("MZXW\tYTB"))
                .hasMessage("invalid Base32 character U+0009 at position 5");
    }

    @Test
    void rejectsNonAsciiLetters() {
        assertThatThrownBy(() -> Base32.decode("MZXWÄYTB"))
                .hasMessageContaining("'Ä'");
    }

    @Test
    void rejectsPaddingInTheMiddle() {
        assertThatThrownBy(() -> Base32.decode("MY==MZXQ"))
                .hasMessageContaining("padding");
    }

    @Test
    void rejectsLengthsNoEncoderProduces() {
        assertThatThrownBy(() -> Base32.decode("MZX"))
                .hasMessageContaining("not the length of any encoded data");
    }
}
