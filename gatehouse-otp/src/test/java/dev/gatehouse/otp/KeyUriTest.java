package dev.gatehouse.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyUriTest {

    private static final OtpSecret SECRET = OtpSecret.fromBase32("JBSWY3DPEHPK3PXP");

    @Test
    void writesAwsStyleUrisWithDeviceAtAccountAndNoDefaults() {
        KeyUri uri = KeyUri.totp(null, "root-account-mfa-device@123456789012", SECRET, TotpParameters.AWS_DEFAULT);

        assertThat(uri.toUriString())
                .isEqualTo("otpauth://totp/root-account-mfa-device@123456789012?secret=JBSWY3DPEHPK3PXP");
    }

    @Test
    void writesIssuerLabelsAndNonDefaultParameters() {
        KeyUri uri = KeyUri.totp("ACME Co", "john.doe@email.com", SECRET,
                new TotpParameters(HmacAlgorithm.SHA256, 8, Duration.ofSeconds(60)));

        assertThat(uri.toUriString()).isEqualTo("otpauth://totp/ACME%20Co:john.doe@email.com"
                + "?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=60");
    }

    @Test
    void parsesGooglesExampleUri() {
        KeyUri uri = KeyUri.parse("otpauth://totp/ACME%20Co:john.doe@email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ"
                + "&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30");

        assertThat(uri.type()).isEqualTo(OtpType.TOTP);
        assertThat(uri.issuer()).isEqualTo("ACME Co");
        assertThat(uri.accountName()).isEqualTo("john.doe@email.com");
        assertThat(uri.secret()).isEqualTo(OtpSecret.fromBase32("HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ"));
        assertThat(uri.totpParameters()).isEqualTo(TotpParameters.AWS_DEFAULT);
    }

    @Test
    void parsesAwsUrisWithoutIssuer() {
        KeyUri uri = KeyUri.parse("otpauth://totp/alice-phone@123456789012?secret=JBSWY3DPEHPK3PXP");

        assertThat(uri.issuerName()).isEmpty();
        assertThat(uri.accountName()).isEqualTo("alice-phone@123456789012");
    }

    @Test
    void takesTheIssuerFromTheLabelWhenThereIsNoParameter() {
        KeyUri uri = KeyUri.parse("otpauth://totp/Example:%20alice?secret=JBSWY3DPEHPK3PXP");

        assertThat(uri.issuer()).isEqualTo("Example");
        assertThat(uri.accountName()).isEqualTo("alice");
    }

    @Test
    void parsesHotpWithCounter() {
        KeyUri uri = KeyUri.parse("otpauth://hotp/Example:bob?secret=JBSWY3DPEHPK3PXP&counter=42&digits=8&algorithm=sha512");

        assertThat(uri.type()).isEqualTo(OtpType.HOTP);
        assertThat(uri.counter()).isEqualTo(42);
        assertThat(uri.digits()).isEqualTo(8);
        assertThat(uri.algorithm()).isEqualTo(HmacAlgorithm.SHA512);
        assertThat(uri.toUriString()).isEqualTo("otpauth://hotp/Example:bob?secret=JBSWY3DPEHPK3PXP"
                + "&issuer=Example&algorithm=SHA512&digits=8&counter=42");
    }

    @Test
    void roundTripsReservedAndNonAsciiCharacters() {
        KeyUri original = KeyUri.totp("Zürich & Co/Ops?", "ana maría+test@example.com", SECRET, TotpParameters.AWS_DEFAULT);

        KeyUri parsed = KeyUri.parse(original.toUriString());

        assertThat(parsed.issuer()).isEqualTo("Zürich & Co/Ops?");
        assertThat(parsed.accountName()).isEqualTo("ana maría+test@example.com");
        assertThat(parsed.secret()).isEqualTo(SECRET);
        assertThat(original.toUriString()).doesNotContain(" ", "&Co", "ü");
    }

    @Test
    void ignoresUnknownParametersSuchAsImage() {
        KeyUri uri = KeyUri.parse("otpauth://totp/a@b?secret=JBSWY3DPEHPK3PXP&image=https%3A%2F%2Fexample.com%2Fx.png");

        assertThat(uri.accountName()).isEqualTo("a@b");
    }

    @Test
    void neverShowsTheSecretInToString() {
        assertThat(KeyUri.parse("otpauth://totp/a@b?secret=JBSWY3DPEHPK3PXP").toString())
                .doesNotContain("JBSWY3DPEHPK3PXP")
                .contains("redacted");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "https://example.com/?secret=JBSWY3DPEHPK3PXP | must start with otpauth://",
        "otpauth://totp | has no label",
        "otpauth://motp/a@b?secret=JBSWY3DPEHPK3PXP | unknown OTP type 'motp'",
        "otpauth://totp/a@b?issuer=x | has no secret",
        "otpauth://totp/a@b?secret= | has no secret",
        "otpauth://totp/a@b?secret=JBSWY3DPEHPK3PX1 | not valid Base32: invalid Base32 character '1'",
        "otpauth://totp/a@b?secret=JBSWY3DPEHPK3PXP&algorithm=MD5 | unknown algorithm 'MD5'",
        "otpauth://totp/a@b?secret=JBSWY3DPEHPK3PXP&digits=9 | digits out of range",
        "otpauth://totp/a@b?secret=JBSWY3DPEHPK3PXP&digits=six | digits is not a whole number",
        "otpauth://totp/a@b?secret=JBSWY3DPEHPK3PXP&period=0 | period must be one second or more",
        "otpauth://totp/a@b?secret=JBSWY3DPEHPK3PXP&period=-30 | period cannot be negative",
        "otpauth://hotp/a@b?secret=JBSWY3DPEHPK3PXP | needs a counter",
        "otpauth://totp/a@b?secret=JBSWY3DPEHPK3PXP&secret=JBSWY3DPEHPK3PXP | appears more than once",
        "otpauth://totp/a%2@b?secret=JBSWY3DPEHPK3PXP | malformed percent-escape '%2@'",
        "otpauth://totp/a@b%?secret=JBSWY3DPEHPK3PXP | truncated percent-escape",
        "otpauth://totp/%FF@b?secret=JBSWY3DPEHPK3PXP | not valid UTF-8",
        "otpauth://totp/?secret=JBSWY3DPEHPK3PXP | must name an account",
    })
    void rejectsMalformedUrisSayingWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> KeyUri.parse(text))
                .isInstanceOf(InvalidKeyUriException.class)
                .hasMessageContaining(message);
    }
}
