package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.otp.HmacAlgorithm;
import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpParameters;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VaultFormatTest {

    private static final char[] PASSPHRASE = "correct horse".toCharArray();

    private final VaultFormat format = new VaultFormat(new SecureRandom());
    private final VaultKey key = format.newKey(PASSPHRASE, Authenticator.TEST_KEY_DERIVATION);
    private final Vault vault = Vault.of(List.of(
            new VaultEntry("totp", KeyUri.totp("Example", "alice", OtpSecret.generate(),
                    new TotpParameters(HmacAlgorithm.SHA512, 7, Duration.ofSeconds(45)))),
            new VaultEntry("hotp", KeyUri.hotp(null, "bob", OtpSecret.generate(), HmacAlgorithm.SHA256, 8, 42))));

    @Test
    void opensWhatItSealed() {
        VaultFormat.Opened opened = format.open(format.seal(vault, key), PASSPHRASE);

        assertThat(opened.vault().entries()).isEqualTo(vault.entries());
        assertThat(opened.key().parameters()).isEqualTo(Authenticator.TEST_KEY_DERIVATION);
        assertThat(opened.key().salt()).isEqualTo(key.salt());
    }

    @Test
    void writesTheDocumentedHeader() {
        ByteBuffer file = ByteBuffer.wrap(format.seal(vault, key));

        byte[] magic = new byte[8];
        file.get(magic);
        assertThat(magic).containsExactly(0x89, 'G', 'H', 'V', 'A', 'U', 'L', 'T');
        assertThat(file.getShort()).isEqualTo((short) 1);
        assertThat(file.get()).isEqualTo((byte) 1);
        assertThat(file.getInt()).isEqualTo(64);
        assertThat(file.getInt()).isEqualTo(1);
        assertThat(file.get()).isEqualTo((byte) 1);
        byte[] salt = new byte[16];
        file.get(salt);
        assertThat(salt).isEqualTo(key.salt());
        // Nonce (12), then ciphertext and the 16-byte tag.
        assertThat(file.remaining()).isGreaterThan(12 + 16);
    }

    @Test
    void usesAFreshNonceForEverySeal() {
        byte[] first = format.seal(vault, key);
        byte[] second = format.seal(vault, key);

        assertThat(Arrays.copyOfRange(first, 36, 48)).isNotEqualTo(Arrays.copyOfRange(second, 36, 48));
    }

    @Test
    void cannotTellAWrongPassphraseFromDamage() {
        byte[] file = format.seal(vault, key);

        assertThatThrownBy(() -> format.open(file, "wrong horse".toCharArray()))
                .isInstanceOf(VaultFormatException.class)
                .hasMessage("wrong passphrase or damaged vault");
    }

    @Test
    void keepsItsKeyOutOfToString() {
        assertThat(key.toString()).startsWith("VaultKey[redacted");
        assertThat(vault.toString()).isEqualTo("Vault[2 entries]");
        assertThat(vault.entries().get(0).toString()).contains("secret=redacted");
    }
}
