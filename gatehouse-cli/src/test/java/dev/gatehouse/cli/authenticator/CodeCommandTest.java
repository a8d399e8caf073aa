package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.otp.OtpSecret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CodeCommandTest {

    @TempDir
    Path directory;

    private Authenticator authenticator;

    @BeforeEach
    void createVault() {
        authenticator = new Authenticator(directory.resolve("test.vault"), new FixedPassphrase("correct horse"));
        add("sha1", "12345678901234567890", "SHA1");
        add("sha256", "12345678901234567890123456789012", "SHA256");
        add("sha512", "1234567890123456789012345678901234567890123456789012345678901234", "SHA512");
    }

    private void add(String name, String asciiSecret, String algorithm) {
        String base32 = OtpSecret.of(asciiSecret.getBytes(StandardCharsets.US_ASCII)).toBase32();
        assertThat(authenticator.run("add", name, "--secret", base32, "--algorithm", algorithm, "--digits", "8")
                .exitCode()).isZero();
    }

    /** RFC 6238 Appendix B, given as epoch seconds and as ISO-8601. */
    static Stream<Arguments> rfc6238() {
        return Stream.of(
                Arguments.of("59", "sha1", "94287082"),
                Arguments.of("59", "sha256", "46119246"),
                Arguments.of("59", "sha512", "90693936"),
                Arguments.of("1111111109", "sha1", "07081804"),
                Arguments.of("2005-03-18T01:58:29Z", "sha256", "68084774"),
                Arguments.of("2005-03-18T02:58:31+01:00", "sha512", "99943326"),
                Arguments.of("1234567890", "sha1", "89005924"),
                Arguments.of("2033-05-18T03:33:20Z", "sha256", "90698825"),
                Arguments.of("20000000000", "sha512", "47863826"));
    }

    @ParameterizedTest(name = "{1} at {0} is {2}")
    @MethodSource("rfc6238")
    void printsTheRfc6238CodeForTheInstantGiven(String instant, String name, String code) {
        Authenticator.Result result = authenticator.run("code", name, "--at", instant);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(code + System.lineSeparator());
    }

    @Test
    void printsTheCodeForNowAndHowLongItStaysValid() {
        // 21:30:13 is 13 s into a 30 s step: 17 s left.
        Authenticator.Result result = authenticator.run("code", "sha1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.line()).isEqualTo(authenticator.run("code", "sha1", "--at", Authenticator.NOW.toString()).line());
        assertThat(result.err()).isEqualTo("valid for 17 more seconds" + System.lineSeparator());
    }

    @Test
    void roundsTheValidityUpSoALastFractionOfASecondStillCounts() {
        authenticator.withClock(Clock.fixed(Instant.parse("2026-11-22T21:30:29.400Z"), ZoneOffset.UTC));

        assertThat(authenticator.run("code", "sha1").err()).startsWith("valid for 1 more second" + System.lineSeparator());
    }

    @Test
    void movesAnHotpCounterOnByOneForEachCode() {
        // RFC 4226 Appendix D: the secret "12345678901234567890", counters 0, 1, 2.
        String uri = "otpauth://hotp/Example:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=0";
        assertThat(authenticator.run("add", "hotp", "--uri", uri).exitCode()).isZero();

        assertThat(authenticator.run("code", "hotp").line()).isEqualTo("755224");
        assertThat(authenticator.run("code", "hotp").line()).isEqualTo("287082");
        Authenticator.Result third = authenticator.run("code", "hotp");

        assertThat(third.line()).isEqualTo("359152");
        assertThat(third.err()).contains("HOTP counter 2; the next code will use 3");
        assertThat(authenticator.run("list").out()).containsPattern("hotp +HOTP +Example +alice +SHA1 +6 +3");
    }

    @Test
    void asksForThePassphraseOnceForAnHotpCodeThatReadsAndWrites() {
        FixedPassphrase passphrase = new FixedPassphrase("correct horse");
        Authenticator counting = new Authenticator(authenticator.vault(), passphrase);
        counting.run("add", "hotp", "--uri", "otpauth://hotp/alice?secret=GEZDGNBVGY3TQOJQ&counter=0");

        counting.run("code", "hotp");

        assertThat(passphrase.requests()).containsExactly("existing", "existing");
    }

    @Test
    void refusesAnInstantForAnHotpDeviceWithoutMovingItsCounter() {
        authenticator.run("add", "hotp", "--uri", "otpauth://hotp/alice?secret=GEZDGNBVGY3TQOJQ&counter=7");

        Authenticator.Result result = authenticator.run("code", "hotp", "--at", "59");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--at applies only to TOTP devices");
        assertThat(authenticator.run("list").out()).containsPattern("hotp .* 7");
    }

    @Test
    void refusesAnInstantThatIsNeitherIsoNorEpochSeconds() {
        Authenticator.Result result = authenticator.run("code", "sha1", "--at", "yesterday");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'yesterday' is neither epoch seconds nor ISO-8601");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void refusesAnInstantWithoutAZone() {
        assertThat(authenticator.run("code", "sha1", "--at", "2026-11-22T21:30:00").exitCode()).isEqualTo(2);
    }

    @Test
    void refusesAnInstantBeforeTheEpoch() {
        Authenticator.Result result = authenticator.run("code", "sha1", "--at", "-1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("outside 1970-01-01T00:00:00Z");
    }

    @Test
    void saysSoWhenNoDeviceHasTheName() {
        Authenticator.Result result = authenticator.run("code", "nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("gatehouse: no entry named 'nope' in the vault" + System.lineSeparator());
    }

    @Test
    void saysSoWhenThereIsNoVault() {
        Authenticator elsewhere = new Authenticator(directory.resolve("missing.vault"), new FixedPassphrase("x"));

        Authenticator.Result result = elsewhere.run("code", "sha1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("gatehouse: no vault at " + directory.resolve("missing.vault")
                + "; create one with 'gatehouse authenticator add'");
    }
}
