package dev.gatehouse.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OtpCodesTest {

    @Test
    void padsWithLeadingZeros() {
        assertThat(OtpCodes.format(42, 6)).isEqualTo("000042");
        assertThat(OtpCodes.format(0, 8)).isEqualTo("00000000");
    }

    @Test
    void refusesCodesTooLongForTheDigits() {
        assertThatThrownBy(() -> OtpCodes.format(1_000_000, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsOnlyExactlyTheRightNumberOfAsciiDigits() {
        assertThat(OtpCodes.isWellFormed("012345", 6)).isTrue();
        assertThat(OtpCodes.isWellFormed("01234", 6)).isFalse();
        assertThat(OtpCodes.isWellFormed("0123456", 6)).isFalse();
        assertThat(OtpCodes.isWellFormed("01234x", 6)).isFalse();
        assertThat(OtpCodes.isWellFormed("٠١٢٣٤٥", 6)).isFalse();
    }
}
