package dev.gatehouse.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class OtpSecretTest {

    @Test
    void generatesFortyBytesByDefaultWhichIsAwsSixtyFourCharacterSeed() {
        OtpSecret secret = OtpSecret.generate();

        assertThat(secret.length()).isEqualTo(40);
        assertThat(secret.toBase32()).hasSize(64).matches("[A-Z2-7]{64}");
    }

    @Test
    void generatesDifferentSecretsEachTime() {
        assertThat(OtpSecret.generate()).isNotEqualTo(OtpSecret.generate());
    }

    @Test
    void refusesToGenerateFewerThanSixteenBytes() {
        assertThatThrownBy(() -> OtpSecret.generate(new SecureRandom(), 15))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 bytes");
        assertThat(OtpSecret.generate(new SecureRandom(), 16).length()).isEqualTo(16);
    }

    @Test
    void neverShowsItsBytesInToString() {
        OtpSecret secret = OtpSecret.fromBase32("JBSWY3DPEHPK3PXP");

        assertThat(secret.toString())
                .isEqualTo("OtpSecret[redacted, 10 bytes]")
                .doesNotContain("JBSWY3DPEHPK3PXP");
    }

    @Test
    void copiesItsBytesInAndOut() {
        byte[] original = {1, 2, 3, 4};
        OtpSecret secret = OtpSecret.of(original);
        original[0] = 9;
        secret.bytes()[1] = 9;

        assertThat(secret.bytes()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void refusesAnEmptySecret() {
        assertThatThrownBy(() -> OtpSecret.fromBase32(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void equalsComparesTheBytes() {
        assertThat(OtpSecret.fromBase32("JBSWY3DPEHPK3PXP")).isEqualTo(OtpSecret.fromBase32("jbsw y3dp ehpk 3pxp"));
        assertThat(OtpSecret.fromBase32("JBSWY3DPEHPK3PXP")).isNotEqualTo(OtpSecret.fromBase32("JBSWY3DPEHPK3PXQ"));
    }
}
