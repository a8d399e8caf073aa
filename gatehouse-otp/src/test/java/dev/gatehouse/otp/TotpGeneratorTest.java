package dev.gatehouse.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TotpGeneratorTest {

    private static final OtpSecret SHA1_SEED = seed("12345678901234567890");
    private static final OtpSecret SHA256_SEED = seed("12345678901234567890123456789012");
    private static final OtpSecret SHA512_SEED =
            seed("1234567890123456789012345678901234567890123456789012345678901234");

    /** RFC 6238 Appendix B: 8 digits, 30-second steps, T0 = 0, one seed per algorithm. */
    static Stream<Arguments> rfc6238Vectors() {
        return Stream.of(
                Arguments.of(59L, HmacAlgorithm.SHA1, "94287082"),
                Arguments.of(59L, HmacAlgorithm.SHA256, "46119246"),
                Arguments.of(59L, HmacAlgorithm.SHA512, "90693936"),
                Arguments.of(1111111109L, HmacAlgorithm.SHA1, "07081804"),
                Arguments.of(1111111109L, HmacAlgorithm.SHA256, "68084774"),
                Arguments.of(1111111109L, HmacAlgorithm.SHA512, "25091201"),
                Arguments.of(1111111111L, HmacAlgorithm.SHA1, "14050471"),
                Arguments.of(1111111111L, HmacAlgorithm.SHA256, "67062674"),
                Arguments.of(1111111111L, HmacAlgorithm.SHA512, "99943326"),
                Arguments.of(1234567890L, HmacAlgorithm.SHA1, "89005924"),
                Arguments.of(1234567890L, HmacAlgorithm.SHA256, "91819424"),
                Arguments.of(1234567890L, HmacAlgorithm.SHA512, "93441116"),
                Arguments.of(2000000000L, HmacAlgorithm.SHA1, "69279037"),
                Arguments.of(2000000000L, HmacAlgorithm.SHA256, "90698825"),
                Arguments.of(2000000000L, HmacAlgorithm.SHA512, "38618901"),
                Arguments.of(20000000000L, HmacAlgorithm.SHA1, "65353130"),
                Arguments.of(20000000000L, HmacAlgorithm.SHA256, "77737706"),
                Arguments.of(20000000000L, HmacAlgorithm.SHA512, "47863826"));
    }

    @ParameterizedTest(name = "{1} at {0}s is {2}")
    @MethodSource("rfc6238Vectors")
    void producesTheRfc6238AppendixBCodes(long epochSeconds, HmacAlgorithm algorithm, String expected) {
        TotpGenerator totp = new TotpGenerator(new TotpParameters(algorithm, 8, Duration.ofSeconds(30)));

        assertThat(totp.generateOneTimePassword(seedFor(algorithm), Instant.ofEpochSecond(epochSeconds)))
                .isEqualTo(expected);
    }

    @Test
    void producesSixDigitCodesAsTheLastDigitsOfTheEightDigitOnes() {
        TotpGenerator six = new TotpGenerator(TotpParameters.AWS_DEFAULT);

        // 07081804 mod 10^6: the leading zero of the six-digit code must survive.
        assertThat(six.generateOneTimePassword(SHA1_SEED, Instant.ofEpochSecond(1111111109L)))
                .isEqualTo("081804");
    }

    @Test
    void writesAsciiDigitsWhateverTheDefaultLocale() {
        Locale original = Locale.getDefault();
        try {
            // Arabic with Arabic-Indic numerals: String.format("%06d") would write ٠٨١٨٠٤ here.
            Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
            TotpGenerator totp = new TotpGenerator(TotpParameters.AWS_DEFAULT);

            assertThat(totp.generateOneTimePassword(SHA1_SEED, Instant.ofEpochSecond(1111111109L)))
                    .isEqualTo("081804");
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void countsStepsFromT0() {
        Instant t0 = Instant.ofEpochSecond(1_000);
        TotpGenerator shifted = new TotpGenerator(new TotpParameters(HmacAlgorithm.SHA1, 8, Duration.ofSeconds(30), t0));
        TotpGenerator plain = new TotpGenerator(new TotpParameters(HmacAlgorithm.SHA1, 8, Duration.ofSeconds(30)));

        // With T0 = 1000 s, the instant 1000 + 59 s is in step 1, which the epoch-based generator reaches at 59 s.
        assertThat(shifted.generateOneTimePassword(SHA1_SEED, Instant.ofEpochSecond(1_059)))
                .isEqualTo(plain.generateOneTimePassword(SHA1_SEED, Instant.ofEpochSecond(59)))
                .isEqualTo("94287082");
    }

    @Test
    void supportsStepsOtherThanThirtySeconds() {
        TotpGenerator sixty = new TotpGenerator(new TotpParameters(HmacAlgorithm.SHA1, 8, Duration.ofSeconds(60)));
        HotpGenerator hotp = new HotpGenerator(HmacAlgorithm.SHA1, 8);

        assertThat(sixty.generateOneTimePassword(SHA1_SEED, Instant.ofEpochSecond(1234567890L)))
                .isEqualTo(OtpCodes.format(hotp.generateOneTimePassword(SHA1_SEED, 1234567890L / 60), 8));
    }

    private static OtpSecret seedFor(HmacAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA1 -> SHA1_SEED;
            case SHA256 -> SHA256_SEED;
            case SHA512 -> SHA512_SEED;
        };
    }

    private static OtpSecret seed(String ascii) {
        return OtpSecret.of(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
