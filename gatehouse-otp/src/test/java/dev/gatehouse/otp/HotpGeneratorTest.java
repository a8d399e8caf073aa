package dev.gatehouse.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HotpGeneratorTest {

    private static final OtpSecret RFC_4226_SECRET =
            OtpSecret.of("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    /** RFC 4226 Appendix D. */
    static Stream<Arguments> rfc4226Vectors() {
        return Stream.of(
                Arguments.of(0, 755224), Arguments.of(1, 287082), Arguments.of(2, 359152),
                Arguments.of(3, 969429), Arguments.of(4, 338314), Arguments.of(5, 254676),
                Arguments.of(6, 287922), Arguments.of(7, 162583), Arguments.of(8, 399871),
                Arguments.of(9, 520489));
    }

    @ParameterizedTest
    @MethodSource("rfc4226Vectors")
    void producesTheRfc4226AppendixDCodes(long counter, int expected) {
        HotpGenerator hotp = new HotpGenerator(HmacAlgorithm.SHA1, 6);

        assertThat(hotp.generateOneTimePassword(RFC_4226_SECRET, counter)).isEqualTo(expected);
    }

    @Test
    void keepsLeadingZerosInTheTextForm() {
        HotpGenerator hotp = new HotpGenerator(HmacAlgorithm.SHA1, 6);
        OtpSecret secret = OtpSecret.fromBase32("JBSWY3DPEHPK3PXP");
        long counter = findCounterWithLeadingZero(hotp, secret);

        String code = hotp.generateOneTimePasswordString(secret, counter);

        assertThat(code).hasSize(6).startsWith("0");
        assertThat(Integer.parseInt(code)).isEqualTo(hotp.generateOneTimePassword(secret, counter));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 9, 0, -1})
    void rejectsDigitCountsOutsideSixToEight(int digits) {
        assertThatThrownBy(() -> new HotpGenerator(HmacAlgorithm.SHA1, digits))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 to 8 digits");
    }

    @Test
    void givesTheSameCodesFromManyThreads() throws Exception {
        HotpGenerator hotp = new HotpGenerator(HmacAlgorithm.SHA1, 6);
        Thread[] threads = new Thread[8];
        boolean[] failures = new boolean[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int index = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    if (hotp.generateOneTimePassword(RFC_4226_SECRET, 7) != 162583) {
                        failures[index] = true;
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).containsOnly(false);
    }

    private static long findCounterWithLeadingZero(HotpGenerator hotp, OtpSecret secret) {
        for (long counter = 0; ; counter++) {
            if (hotp.generateOneTimePassword(secret, counter) < 100_000) {
                return counter;
            }
        }
    }
}
