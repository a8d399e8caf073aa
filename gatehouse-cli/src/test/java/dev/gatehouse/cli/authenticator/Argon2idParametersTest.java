package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Argon2idParametersTest {

    /** Known answers from the reference implementation: {@code echo -n PASSWORD | argon2 SALT -id -t T -m|-k M -p P -l 32 -r}. */
    @Test
    void derivesTheKeyOfTheReferenceImplementation() {
        byte[] key = new Argon2idParameters(1024, 1, 1).deriveKey(
                "correct horse battery staple".toCharArray(), "gatehouse-salt16".getBytes(StandardCharsets.US_ASCII));

        assertThat(HexFormat.of().formatHex(key)).isEqualTo("d2203ca4dadbc5bbe0f21a15f2211433f16c9380a75b4ab3eb6ca73a90a6fead");
    }

    @Test
    void encodesAPassphraseAsUtf8() {
        byte[] key = new Argon2idParameters(64, 2, 2).deriveKey(
                "pässwörd".toCharArray(), "sixteen byte slt".getBytes(StandardCharsets.US_ASCII));

        assertThat(HexFormat.of().formatHex(key)).isEqualTo("2820f97fc7acb70b20490dfc9c8c647eb043c4c385d534b866ab54db3d5b807f");
    }

    @Test
    void defaultsToOwaspsRecommendation() {
        assertThat(Argon2idParameters.DEFAULT).isEqualTo(new Argon2idParameters(47104, 1, 1));
    }

    @Test
    void refusesCostsOutsideItsBounds() {
        assertThatThrownBy(() -> new Argon2idParameters(7, 1, 1)).hasMessageContaining("memory");
        assertThatThrownBy(() -> new Argon2idParameters(8 * 1024 * 1024, 1, 1)).hasMessageContaining("memory");
        assertThatThrownBy(() -> new Argon2idParameters(1024, 0, 1)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> new Argon2idParameters(1024, 65, 1)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> new Argon2idParameters(1024, 1, 0)).hasMessageContaining("parallelism");
    }

    @Test
    void comparesCostInEveryDimension() {
        Argon2idParameters base = new Argon2idParameters(1024, 2, 1);

        assertThat(new Argon2idParameters(2048, 2, 1).atLeast(base)).isTrue();
        assertThat(base.atLeast(base)).isTrue();
        assertThat(new Argon2idParameters(4096, 1, 1).atLeast(base)).isFalse();
    }
}
